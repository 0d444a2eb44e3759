package kz.senim.portal.home;

import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.portal.web.CurrentViewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The front door: to a visitor, the way to a school's club page and trust box and the sign-in; to a
 * signed-in person, the tasks of their roles.
 */
@Controller
class HomeController {

    private static final Pattern SCHOOL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final CurrentViewer viewers;

    HomeController(CurrentViewer viewers) {
        this.viewers = viewers;
    }

    @GetMapping("/")
    String home(@RequestParam Optional<String> school, @RequestParam Optional<String> lang) {
        if (school.isPresent()) {
            String id = school.get().strip().toLowerCase(java.util.Locale.ROOT);
            if (SCHOOL_ID.matcher(id).matches()) {
                return "redirect:"
                        + UriComponentsBuilder.fromPath("/schools/{id}/club")
                                .queryParamIfPresent("lang", lang)
                                .buildAndExpand(id)
                                .toUriString();
            }
        }
        return viewers.find().isPresent() ? "home/dashboard" : "home/welcome";
    }
}
