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
     * Which link of the menu is the page one is on, as the menu writes it (its path; the triage inbox is the
     * case list filtered to {@code status=SUBMITTED}): that link says {@code aria-current="page"}. A page the
     * menu does not link (a case, a form's result) marks nothing.
     */
    @ModelAttribute("menuCurrent")
    String menuCurrent(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/cases") && "SUBMITTED".equals(request.getParameter("status"))) {
            return "/cases?status=SUBMITTED";
        }
        return path.isEmpty() ? "/" : path;
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
