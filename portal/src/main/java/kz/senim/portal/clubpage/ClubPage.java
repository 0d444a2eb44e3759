package kz.senim.portal.clubpage;

import java.util.regex.Pattern;
import kz.senim.portal.api.GatewayApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A school's club as anyone may see it, without signing in: goals, tasks, the seven principles, its leaders
 * and how to reach them, and the way to the trust box. The language is the page's ({@code ?lang=}).
 */
@Controller
class ClubPage {

    private static final Pattern SCHOOL = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

    private final GatewayApi api;

    ClubPage(GatewayApi api) {
        this.api = api;
    }

    @GetMapping("/schools/{school}/club")
    String club(@PathVariable String school, Model model) {
        if (!SCHOOL.matcher(school).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("school", school);
        model.addAttribute(
                "club",
                api.get("/api/schools/{school}/club?lang={lang}", school, language)
                        .map());
        return "clubpage/club";
    }
}
