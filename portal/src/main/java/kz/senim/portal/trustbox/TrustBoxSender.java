package kz.senim.portal.trustbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The trust box as its sender sees it: no sign-in, no session, no cookie. The receipt is shown once, as the
 * answer to the POST that sent the message, and travels back only in form bodies (a hidden field), never in
 * a URL. The language rides along in {@code ?lang=} links and a hidden {@code lang} field.
 */
@Controller
@RequestMapping("/schools/{school}/trust-box")
class TrustBoxSender {

    static final Pattern SCHOOL = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
    static final int MAX_TEXT = 4000;
    private static final int MAX_RECEIPT = 64;
    /** What the API gives as a receipt: five groups of four letters and digits. */
    private static final Pattern RECEIPT_SHAPE = Pattern.compile("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");

    private final GatewayApi api;
    private final OnceOnlyForms forms;
    private final MessageSource messages;

    TrustBoxSender(GatewayApi api, OnceOnlyForms forms, MessageSource messages) {
        this.api = api;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    String write(@PathVariable String school, Model model) {
        model.addAttribute("clubName", clubName(school));
        return writeForm(school, null, model);
    }

    /** The form again in another language (the switcher), with what was typed so far; sends nothing. */
    @PostMapping
    String writeIn(@PathVariable String school, @RequestParam(defaultValue = "") String text, Model model) {
        model.addAttribute("clubName", clubName(school));
        return writeForm(school, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, model);
    }

    /**
     * The receipt again in another language (the switcher posts it back from the receipt page): the page
     * says it cannot be recovered, so changing the language must not lose it. It travels only in the POST
     * body, like every other use of the receipt; nothing is looked up or sent.
     */
    @PostMapping("/receipt")
    String receiptIn(@PathVariable String school, @RequestParam(defaultValue = "") String receipt, Model model) {
        requireSchool(school);
        if (!RECEIPT_SHAPE.matcher(receipt).matches()) {
            return redirectTo(school, "");
        }
        return receiptPage(school, receipt, model);
    }

    @GetMapping("/receipt")
    String receiptAgain(@PathVariable String school) {
        return redirectTo(school, "");
    }

    @GetMapping("/messages")
    String writeAgain(@PathVariable String school) {
        return redirectTo(school, "");
    }

    @PostMapping("/messages")
    String send(
            @PathVariable String school,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "form", required = false) String token,
            Model model) {
        requireSchool(school);
        if (!forms.use(token)) {
            model.addAttribute("alreadySent", true);
            return writeForm(school, null, model);
        }
        if (text.isBlank() || text.length() > MAX_TEXT) {
            forms.release(token);
            model.addAttribute("errors", Map.of("text", message("trustbox.write.text.invalid")));
            return writeForm(school, text, model);
        }
        ApiAnswer sent;
        try {
            sent = api.post("/api/trust-box/schools/{school}/messages", Map.of("text", text), school);
        } catch (ApiProblem refused) {
            forms.release(token);
            if (refused.status() == 429) {
                model.addAttribute("tooMany", true);
                return writeForm(school, text, model);
            }
            if (refused.hasFieldErrors()) {
                model.addAttribute("errors", refused.fieldErrors());
                return writeForm(school, text, model);
            }
            throw refused;
        }
        return receiptPage(school, sent.text("receipt"), model);
    }

    private String receiptPage(String school, String receipt, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("receipt", receipt);
        model.addAttribute("switchTo", "/schools/" + school + "/trust-box/receipt");
        model.addAttribute("switchKeep", Map.of("receipt", receipt));
        return "trustbox/receipt";
    }

    @GetMapping("/conversation")
    String enterReceipt(@PathVariable String school, Model model) {
        requireSchool(school);
        model.addAttribute("school", school);
        return "trustbox/enter-receipt";
    }

    @PostMapping("/conversation")
    String read(
            @PathVariable String school,
            @RequestParam(defaultValue = "") String receipt,
            @RequestParam(name = "text", required = false) String draft,
            Model model) {
        if (draft != null && !draft.isBlank() && draft.length() <= MAX_TEXT) {
            // a reply being typed when the language was switched
            model.addAttribute("text", draft);
        }
        return read(school, receipt, model);
    }

    private String read(String school, String receipt, Model model) {
        requireSchool(school);
        if (receipt.isBlank() || receipt.length() > MAX_RECEIPT) {
            model.addAttribute("school", school);
            model.addAttribute("errors", Map.of("receipt", message("trustbox.receipt.missing")));
            return "trustbox/enter-receipt";
        }
        return conversation(
                school,
                receipt,
                model,
                () -> api.post("/api/trust-box/schools/{school}/conversation", Map.of("receipt", receipt), school));
    }

    @GetMapping({"/conversation/messages", "/conversation/case-proposal-answer"})
    String readAgain(@PathVariable String school) {
        return redirectTo(school, "/conversation");
    }

    @PostMapping("/conversation/messages")
    String writeBack(
            @PathVariable String school,
            @RequestParam(defaultValue = "") String receipt,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "form", required = false) String token,
            Model model) {
        requireSchool(school);
        if (receipt.isBlank() || receipt.length() > MAX_RECEIPT) {
            return redirectTo(school, "/conversation");
        }
        if (!forms.use(token)) {
            model.addAttribute("alreadySent", true);
            return read(school, receipt, model);
        }
        if (text.isBlank() || text.length() > MAX_TEXT) {
            forms.release(token);
            model.addAttribute("errors", Map.of("text", message("trustbox.write.text.invalid")));
            model.addAttribute("text", text);
            return read(school, receipt, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receipt", receipt);
        body.put("text", text);
        String page = conversation(
                school,
                receipt,
                model,
                () -> api.post("/api/trust-box/schools/{school}/conversation/messages", body, school));
        if (!"trustbox/conversation".equals(page)) {
            forms.release(token);
        } else {
            model.addAttribute("done", "trustbox.conversation.sent");
        }
        return page;
    }

    @PostMapping("/conversation/case-proposal-answer")
    String answerProposal(
            @PathVariable String school,
            @RequestParam(defaultValue = "") String receipt,
            @RequestParam(defaultValue = "false") boolean agreed,
            Model model) {
        requireSchool(school);
        if (receipt.isBlank() || receipt.length() > MAX_RECEIPT) {
            return redirectTo(school, "/conversation");
        }
        try {
            String page = conversation(
                    school,
                    receipt,
                    model,
                    () -> api.post(
                            "/api/trust-box/schools/{school}/conversation/case-proposal-answer",
                            Map.of("receipt", receipt, "agreed", agreed),
                            school));
            model.addAttribute(
                    "done",
                    agreed
                            ? "trustbox.conversation.proposal.agreedDone"
                            : "trustbox.conversation.proposal.declinedDone");
            return page;
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            model.addAttribute("formError", refused.detail());
            return read(school, receipt, model);
        }
    }

    /** Reads (or changes) the conversation; a wrong receipt or too many wrong ones lead back, calmly. */
    private String conversation(
            String school, String receipt, Model model, java.util.function.Supplier<ApiAnswer> call) {
        model.addAttribute("school", school);
        ApiAnswer answer;
        try {
            answer = call.get();
        } catch (ApiProblem refused) {
            if (refused.status() == 404) {
                model.addAttribute("wrongReceipt", true);
                return "trustbox/enter-receipt";
            }
            if (refused.status() == 429) {
                model.addAttribute("tooMany", true);
                return "trustbox/enter-receipt";
            }
            if (refused.status() == 409) {
                throw refused;
            }
            if (refused.hasFieldErrors() && refused.fieldErrors().containsKey("text")) {
                // typed text the API refused: shown again with the API's explanation
                model.addAttribute("errors", refused.fieldErrors());
                return read(school, receipt, model);
            }
            throw refused;
        }
        model.addAttribute("receipt", receipt);
        model.addAttribute("conversation", answer.map());
        model.addAttribute("form", forms.issue());
        model.addAttribute("switchTo", "/schools/" + school + "/trust-box/conversation");
        model.addAttribute("switchKeep", Map.of("receipt", receipt));
        model.addAttribute("switchCarry", "#text");
        return "trustbox/conversation";
    }

    private String writeForm(String school, String text, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("text", text);
        model.addAttribute("form", forms.issue());
        model.addAttribute("maxText", MAX_TEXT);
        model.addAttribute("switchTo", "/schools/" + school + "/trust-box");
        model.addAttribute("switchKeep", Map.of());
        model.addAttribute("switchCarry", "#text");
        return "trustbox/write";
    }

    /** The club's name for the heading; an unknown school is a 404, any other trouble leaves the name out. */
    private String clubName(String school) {
        requireSchool(school);
        try {
            return api.get("/api/schools/{school}/club?lang={lang}", school, language())
                    .text("name");
        } catch (ApiProblem refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return null;
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String redirectTo(String school, String rest) {
        requireSchool(school);
        return "redirect:/schools/" + school + "/trust-box" + rest + "?lang=" + language();
    }

    static void requireSchool(String school) {
        if (!SCHOOL.matcher(school).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
