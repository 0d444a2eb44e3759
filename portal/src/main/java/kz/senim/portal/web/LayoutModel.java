package kz.senim.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's frame needs: the viewer (null on public pages), the current language and the
 * languages to switch to.
 */
@ControllerAdvice
class LayoutModel {

    private final CurrentViewer viewers;

    LayoutModel(CurrentViewer viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return viewers.find().orElse(null);
    }

    @ModelAttribute("language")
    String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return Languages.SUPPORTED.stream().map(Locale::getLanguage).toList();
    }

    /**
     * Whether this request names its language ({@code ?lang=} or a public form's hidden field): only then do
     * the brand link and the sign-in carry it on, so that otherwise the account's language applies.
     */
    @ModelAttribute("languageChosen")
    boolean languageChosen(HttpServletRequest request) {
        return Languages.of(request.getParameter("lang")).isPresent();
    }

    /** The current path. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * The language switcher's links: this page with its query (a filtered list stays filtered) and another
     * {@code lang}. Only the URL's own query is kept, never a posted form's fields.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String code : languages()) {
            links.put(
                    code,
                    UriComponentsBuilder.fromPath(request.getRequestURI())
                            .query(request.getQueryString())
                            .replaceQueryParam("lang", code)
                            .build()
                            .toUriString());
        }
        return links;
    }
}
