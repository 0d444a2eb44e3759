package kz.senim.portal.home;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
    private final GatewayApi api;
    private final MessageSource messages;
    private final CoordinatorDay coordinatorDay;
    private final MyNextSteps nextSteps;

    HomeController(
            CurrentViewer viewers,
            GatewayApi api,
            MessageSource messages,
            CoordinatorDay coordinatorDay,
            MyNextSteps nextSteps) {
        this.viewers = viewers;
        this.nextSteps = nextSteps;
        this.api = api;
        this.messages = messages;
        this.coordinatorDay = coordinatorDay;
    }

    @GetMapping("/")
    String home(@RequestParam Optional<String> school, @RequestParam Optional<String> lang, Model model) {
        if (school.isPresent() && !school.get().isBlank()) {
            String typed = school.get().strip();
            String id = typed.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (SCHOOL_ID.matcher(id).matches() && exists(id)) {
                return "redirect:"
                        + UriComponentsBuilder.fromPath("/schools/{id}/club")
                                .queryParamIfPresent("lang", lang)
                                .buildAndExpand(id)
                                .toUriString();
            }
            // a mistyped code: say so, keep what was typed, and say where the right one is found
            model.addAttribute("school", typed.length() > 100 ? typed.substring(0, 100) : typed);
            model.addAttribute(
                    "errors",
                    Map.of(
                            "school",
                            messages.getMessage("welcome.school.unknown", null, LocaleContextHolder.getLocale())));
            return "home/welcome";
        }
        var viewer = viewers.find();
        if (viewer.isEmpty()) {
            return "home/welcome";
        }
        if (viewer.get().isCoordinator()) {
            model.addAttribute("today", coordinatorDay.today());
            coordinatorDay.week().ifPresent(week -> model.addAttribute("week", week));
        } else if (viewer.get().mayAsk() || viewer.get().isMediator()) {
            model.addAttribute("myCases", coordinatorDay.casesOf());
            List<Map<String, Object>> lines = nextSteps.lines();
            model.addAttribute("awaitingConsent", MyNextSteps.awaitingConsent(lines));
            List<MyNextSteps.NextSession> sessions = MyNextSteps.sessions(lines);
            model.addAttribute("nextSessions", sessions);
            model.addAttribute("nextByCase", MyNextSteps.byCase(sessions));
            if (viewer.get().isMediator()) {
                nextSteps.progress(viewer.get()).ifPresent(p -> model.addAttribute("progress", p));
            }
        }
        return "home/dashboard";
    }

    /** Whether the club page of this school exists (it is public); any other trouble is the club page's. */
    private boolean exists(String id) {
        try {
            api.get(
                    "/api/schools/{school}/club?lang={lang}",
                    id,
                    LocaleContextHolder.getLocale().getLanguage());
            return true;
        } catch (ApiProblem refused) {
            return refused.status() != 404 && refused.status() != 400;
        }
    }
}
