package kz.senim.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

    /** The current path, for the language switcher's links. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
