package kz.senim.notification.template;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Renders a notification from the bundles {@code templates/notifications*.properties}: fixed
 * sentences in kk, ru or en, and a link into the portal built from ids. Event data never reaches
 * the text, so nothing confidential can.
 */
@Component
@EnableConfigurationProperties(PortalSettings.class)
public class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    private final String portalUrl;

    MessageTemplates(PortalSettings portal) {
        this.portalUrl = portal.base();
        bundles.setBasename("templates/notifications");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
    }

    public ComposedMessage compose(
            String templateKey, Map<String, String> parameters, Locale language, Optional<String> unsubscribeLink) {
        String subject = text(templateKey + ".subject", language);
        String sentence = text(templateKey + ".text", language);
        String link = portalUrl + path(text(templateKey + ".link", Locale.ROOT), parameters);
        String greeting = text("mail.greeting", language);
        String open = text("mail.open", language);
        String footer = text("mail.footer", language);
        Optional<String> unsubscribe =
                unsubscribeLink.map(url -> bundles.getMessage("mail.unsubscribe", new Object[] {url}, language));

        StringBuilder plain = new StringBuilder()
                .append(greeting)
                .append("\n\n")
                .append(sentence)
                .append("\n\n")
                .append(open)
                .append(": ")
                .append(link)
                .append("\n\n")
                .append(footer)
                .append('\n');
        unsubscribe.ifPresent(u -> plain.append('\n').append(u).append('\n'));

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"")
                .append(language.getLanguage())
                .append("\"><head>")
                .append("<meta charset=\"UTF-8\"><title>")
                .append(escape(subject))
                .append("</title></head><body>")
                .append("<p>")
                .append(escape(greeting))
                .append("</p>")
                .append("<p>")
                .append(escape(sentence))
                .append("</p>")
                .append("<p><a href=\"")
                .append(escape(link))
                .append("\">")
                .append(escape(open))
                .append("</a></p>")
                .append("<p style=\"color:#555\">")
                .append(escape(footer))
                .append("</p>");
        unsubscribeLink.ifPresent(url -> html.append("<p style=\"color:#555;font-size:small\"><a href=\"")
                .append(escape(url))
                .append("\">")
                .append(escape(bundles.getMessage("mail.unsubscribe", new Object[] {""}, language)
                        .strip()))
                .append("</a></p>"));
        html.append("</body></html>");
        return new ComposedMessage(subject, plain.toString(), html.toString(), link);
    }

    /** Subject, the one sentence and the link: what the in-app inbox shows. */
    public ComposedMessage brief(String templateKey, Map<String, String> parameters, Locale language) {
        String subject = text(templateKey + ".subject", language);
        String sentence = text(templateKey + ".text", language);
        String link = portalUrl + path(text(templateKey + ".link", Locale.ROOT), parameters);
        return new ComposedMessage(subject, sentence, "<p>" + escape(sentence) + "</p>", link);
    }

    private String text(String key, Locale language) {
        return bundles.getMessage(key, null, language);
    }

    private static String path(String pattern, Map<String, String> parameters) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            String value = parameters.getOrDefault(placeholder.group(1), "");
            placeholder.appendReplacement(
                    path,
                    Matcher.quoteReplacement(
                            UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8)));
        }
        placeholder.appendTail(path);
        return path.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
