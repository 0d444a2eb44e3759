package kz.senim.portal.trustbox;

import java.util.Map;
import java.util.UUID;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trust box as the school's coordinators answer it: the inbox of conversations (newest first) and one
 * conversation, where they reply, flag a concern for the sender's safety, propose an anonymous case and,
 * once the sender agreed, open it. Who may do this is the API's decision (others get its 403 or 404).
 */
@Controller
@RequestMapping("/trust-box/threads")
class TrustBoxThreads {

    private static final int PAGE_SIZE = 20;

    private final GatewayApi api;

    TrustBoxThreads(GatewayApi api) {
        this.api = api;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer threads = api.get(
                "/api/trust-box/threads?page={page}&size={size}", Math.max(0, Math.min(page, 10000)), PAGE_SIZE);
        model.addAttribute("threads", threads.content());
        model.addAttribute("page", threads.map());
        return "trustbox/threads";
    }

    @GetMapping("/{id}")
    String thread(@PathVariable UUID id, Model model) {
        if (!model.containsAttribute("thread")) {
            model.addAttribute(
                    "thread", api.get("/api/trust-box/threads/{id}", id).map());
        }
        model.addAttribute("threadId", id);
        return "trustbox/thread";
    }

    @PostMapping("/{id}/replies")
    String reply(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            Model model,
            RedirectAttributes flash) {
        try {
            api.post("/api/trust-box/threads/{id}/replies", Map.of("text", text), id);
        } catch (ApiProblem refused) {
            if (!refused.hasFieldErrors()) {
                throw refused;
            }
            model.addAttribute("errors", refused.fieldErrors());
            model.addAttribute("text", text);
            return thread(id, model);
        }
        flash.addFlashAttribute("done", "trustbox.thread.replied");
        return "redirect:/trust-box/threads/" + id;
    }

    @PostMapping("/{id}/safety-concerns")
    String flagSafetyConcern(@PathVariable UUID id, RedirectAttributes flash) {
        api.post("/api/trust-box/threads/{id}/safety-concerns", null, id);
        flash.addFlashAttribute("done", "trustbox.thread.flagged");
        return "redirect:/trust-box/threads/" + id;
    }

    @PostMapping("/{id}/case-proposal")
    String proposeCase(@PathVariable UUID id, Model model, RedirectAttributes flash) {
        try {
            api.post("/api/trust-box/threads/{id}/case-proposal", null, id);
        } catch (ApiProblem refused) {
            return refusedHere(id, refused, model);
        }
        flash.addFlashAttribute("done", "trustbox.thread.proposed");
        return "redirect:/trust-box/threads/" + id;
    }

    @PostMapping("/{id}/case")
    String openCase(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "NORMAL") String urgency,
            Model model,
            RedirectAttributes flash) {
        try {
            api.post("/api/trust-box/threads/{id}/case", Map.of("urgency", urgency), id);
        } catch (ApiProblem refused) {
            return refusedHere(id, refused, model);
        }
        flash.addFlashAttribute("done", "trustbox.thread.caseOpened");
        return "redirect:/trust-box/threads/" + id;
    }

    /** A refused step (409, or a field the API named) is explained on the conversation itself. */
    private String refusedHere(UUID id, ApiProblem refused, Model model) {
        if (refused.status() != 409 && !refused.hasFieldErrors()) {
            throw refused;
        }
        model.addAttribute(
                "formError",
                refused.hasFieldErrors()
                        ? String.join(" ", refused.fieldErrors().values())
                        : refused.detail());
        return thread(id, model);
    }
}
