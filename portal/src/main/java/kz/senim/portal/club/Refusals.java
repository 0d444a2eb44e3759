package kz.senim.portal.club;

import java.util.Locale;
import kz.senim.portal.api.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the club screens do with a refusal of the API: field errors next to the fields, a refused state
 * change explained in words (the portal's own sentence for reasons it knows, else the API's localized
 * detail); what may not be seen (404, 403) and failures go on to {@code PortalErrors}.
 */
public final class Refusals {

    private Refusals() {}

    /** Puts the problem on the form (field errors, or a sentence); anything else is rethrown. */
    public static void onForm(ApiProblem problem, Model model, MessageSource messages) {
        if (!isAboutTheForm(problem)) {
            throw problem;
        }
        if (problem.hasFieldErrors()) {
            model.addAttribute("errors", problem.fieldErrors());
        } else {
            model.addAttribute("formError", explain(problem, messages));
        }
    }

    /** For a button without fields: the explanation is carried to the page the browser goes back to. */
    public static void onRedirect(ApiProblem problem, RedirectAttributes redirect, MessageSource messages) {
        if (!isAboutTheForm(problem)) {
            throw problem;
        }
        String text = problem.hasFieldErrors()
                ? String.join(" ", problem.fieldErrors().values())
                : explain(problem, messages);
        redirect.addFlashAttribute("formError", text);
    }

    public static boolean isAboutTheForm(ApiProblem problem) {
        return problem.status() == 400
                || problem.status() == 409
                || problem.status() == 412
                || problem.status() == 413
                || problem.status() == 422;
    }

    public static String explain(ApiProblem problem, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        if (problem.status() == 412) {
            return messages.getMessage("club.refused.stale", null, locale);
        }
        if (problem.reason() != null) {
            for (String prefix : new String[] {"club.refused.", "training.refused."}) {
                String own = messages.getMessage(prefix + problem.reason(), null, null, locale);
                if (own != null) {
                    return own;
                }
            }
        }
        return problem.detail() != null ? problem.detail() : messages.getMessage("club.refused.generic", null, locale);
    }
}
