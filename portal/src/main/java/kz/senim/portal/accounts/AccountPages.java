package kz.senim.portal.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's accounts for its admins (and the district admin): the list with each account's status, an
 * import previewed (the API's dry run) before it is made, invitations sent again, first-login codes, class
 * sheets and disabling. The API decides who may do what (another school's accounts are 404 there); the
 * portal only forwards, in the viewer's name. Codes are shown once, on a page the browser does not keep.
 */
@Controller
@RequestMapping("/admin")
class AccountPages {

    /** The API's limit for an import (docs/api.md). */
    static final long MAX_IMPORT_BYTES = 2L * 1024 * 1024;

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The charsets a CSV may be declared in on the form: UTF-8, or Russian-locale Excel's Windows-1251. */
    static final Map<String, String> CHARSETS = Map.of("utf-8", "UTF-8", "windows-1251", "windows-1251");

    private final GatewayApi api;
    private final CurrentViewer viewers;

    AccountPages(GatewayApi api, CurrentViewer viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    /** "Accounts" from the menu: the viewer's school, or for the district admin the schools' progress. */
    @GetMapping("/accounts")
    String mine() {
        Viewer viewer = requireAdmin();
        if (viewer.isDistrictAdmin() || viewer.schoolId() == null) {
            return "redirect:/admin/onboarding";
        }
        return "redirect:/admin/schools/" + viewer.schoolId() + "/accounts";
    }

    @GetMapping("/schools/{schoolId}/accounts")
    String accounts(@PathVariable String schoolId, @RequestParam(defaultValue = "0") int page, Model model) {
        requireAdmin();
        list(schoolId, page, model);
        return "accounts/accounts";
    }

    /**
     * An import: first a preview (the API's dry run, nothing changes), whose page carries the file itself to the
     * second step, which makes it.
     */
    @PostMapping("/schools/{schoolId}/accounts/import")
    String importFile(
            @PathVariable String schoolId,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String content,
            @RequestParam(required = false) String fileName,
            @RequestParam(defaultValue = "utf-8") String charset,
            @RequestParam(defaultValue = "preview") String step,
            @RequestParam(required = false) String importKey,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        requireAdmin();
        boolean commit = "commit".equals(step);
        byte[] bytes;
        String name;
        if (commit && content != null) {
            try {
                bytes = Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException garbled) {
                bytes = new byte[0];
            }
            name = fileName == null ? "" : fileName;
        } else {
            bytes = file == null ? new byte[0] : file.getBytes();
            name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        }
        String declared = CHARSETS.getOrDefault(charset.toLowerCase(Locale.ROOT), "UTF-8");
        if (bytes.length == 0 || bytes.length > MAX_IMPORT_BYTES) {
            model.addAttribute("importError", bytes.length == 0 ? "accounts.import.empty" : "accounts.import.tooLarge");
            list(schoolId, 0, model);
            return "accounts/accounts";
        }
        MediaType type = name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? XLSX
                : new MediaType("text", "csv", java.nio.charset.Charset.forName(declared));
        String path = "/api/schools/{id}/accounts/imports" + (commit ? "" : "?dryRun=true");
        ApiAnswer report;
        try {
            report = commit
                    ? api.sendOnce(HttpMethod.POST, path, bytes, type, importKey, schoolId)
                    : api.send(HttpMethod.POST, path, bytes, type, schoolId);
        } catch (ApiProblem refused) {
            if (refused.status() != 400 && refused.status() != 413) {
                throw refused;
            }
            model.addAttribute("importErrors", rows(refused));
            model.addAttribute("importErrorDetail", refused.hasFieldErrors() ? null : refused.detail());
            list(schoolId, 0, model);
            return "accounts/accounts";
        }
        if (commit) {
            // Accepted (202): the import runs in the background; its page follows it.
            return "redirect:/admin/schools/" + schoolId + "/accounts/imports/" + report.text("id");
        }
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("preview", report.map());
        model.addAttribute("importBytes", Base64.getEncoder().encodeToString(bytes));
        model.addAttribute("fileName", name);
        model.addAttribute("charset", declared.toLowerCase(Locale.ROOT));
        // The same key for every submission of this preview's form: importing twice by a double click is one import.
        model.addAttribute("importKey", java.util.UUID.randomUUID().toString());
        List<?> refused = report.map().get("refused") instanceof List<?> r ? r : List.of();
        model.addAttribute("mayCommit", refused.isEmpty());
        return "accounts/preview";
    }

    /** How often the page of a running import reloads itself. */
    static final int REFRESH_SECONDS = 3;

    /**
     * An import running in the background: while it is queued or running the page reloads itself every few
     * seconds (a meta refresh, no script), which the viewer can stop; once done it shows the result.
     */
    @GetMapping("/schools/{schoolId}/accounts/imports/{importId}")
    String importProgress(
            @PathVariable String schoolId,
            @PathVariable String importId,
            @RequestParam(defaultValue = "on") String refresh,
            Model model) {
        requireAdmin();
        Map<String, Object> view = api.get("/api/schools/{id}/accounts/imports/{import}", schoolId, importId)
                .map();
        String status = String.valueOf(view.get("status"));
        boolean ongoing = status.equals("queued") || status.equals("running");
        boolean refreshing = ongoing && !"off".equals(refresh);
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("importId", importId);
        model.addAttribute("accountImport", view);
        model.addAttribute("ongoing", ongoing);
        model.addAttribute("refreshing", refreshing);
        if (refreshing) {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        return "accounts/import";
    }

    @PostMapping("/schools/{schoolId}/accounts/{userId}/invitation")
    String resendInvitation(
            @PathVariable String schoolId,
            @PathVariable String userId,
            @RequestParam(defaultValue = "0") int page,
            RedirectAttributes redirect) {
        return act(schoolId, userId, "invitation", "accounts.invitation.sent", page, redirect);
    }

    @PostMapping("/schools/{schoolId}/accounts/{userId}/disable")
    String disable(
            @PathVariable String schoolId,
            @PathVariable String userId,
            @RequestParam(defaultValue = "0") int page,
            RedirectAttributes redirect) {
        return act(schoolId, userId, "disable", "accounts.disabled", page, redirect);
    }

    @PostMapping("/schools/{schoolId}/accounts/{userId}/enable")
    String enable(
            @PathVariable String schoolId,
            @PathVariable String userId,
            @RequestParam(defaultValue = "0") int page,
            RedirectAttributes redirect) {
        return act(schoolId, userId, "enable", "accounts.enabled", page, redirect);
    }

    /** A new first-login code, shown once on this page (Cache-Control: no-store, as every signed-in page). */
    @PostMapping("/schools/{schoolId}/accounts/{userId}/code")
    String newCode(
            @PathVariable String schoolId, @PathVariable String userId, Model model, RedirectAttributes redirect) {
        requireAdmin();
        ApiAnswer code;
        try {
            code = api.post("/api/schools/{id}/accounts/{user}/first-login-code", null, schoolId, userId);
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("actionError", refused.detail());
            return "redirect:/admin/schools/" + schoolId + "/accounts";
        }
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("username", code.text("username"));
        model.addAttribute("code", code.text("code"));
        return "accounts/code";
    }

    /** The class sheet's PDF, made by the API with new codes, handed to the browser as a download. */
    @PostMapping("/schools/{schoolId}/accounts/class-sheet")
    Object classSheet(
            @PathVariable String schoolId,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) String classLetter,
            @RequestParam(defaultValue = "kk") String language,
            Model model) {
        requireAdmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grade", grade == null || !grade.strip().matches("\\d{1,2}") ? null : Integer.valueOf(grade.strip()));
        body.put("classLetter", classLetter == null ? null : classLetter.strip());
        body.put("language", language);
        GatewayApi.ApiFile sheet;
        try {
            sheet = api.postForFile("/api/schools/{id}/accounts/class-sheets", body, schoolId);
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            model.addAttribute("sheetErrors", refused.fieldErrors());
            model.addAttribute("sheet", body);
            list(schoolId, 0, model);
            return "accounts/accounts";
        }
        String name = "class-sheet-" + body.get("grade") + "-" + body.get("classLetter") + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(sheet.bytes());
    }

    private String act(
            String schoolId, String userId, String command, String done, int page, RedirectAttributes redirect) {
        requireAdmin();
        try {
            api.post("/api/schools/{id}/accounts/{user}/" + command, null, schoolId, userId);
            redirect.addFlashAttribute("done", done);
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("actionError", refused.detail());
        }
        return "redirect:/admin/schools/" + schoolId + "/accounts?page=" + Math.max(0, page);
    }

    private void list(String schoolId, int page, Model model) {
        ApiAnswer accounts = api.get(
                "/api/schools/{id}/accounts?page={page}&size=50&sort=username",
                schoolId,
                Math.max(0, Math.min(page, 10000)));
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("accounts", accounts.content());
        model.addAttribute("page", accounts.map());
        if (!model.containsAttribute("sheet")) {
            model.addAttribute("sheet", Map.of("grade", "", "classLetter", "", "language", "kk"));
        }
    }

    /** The rows' problems of a refused file, in the order the API gave them. */
    private static List<Map.Entry<String, String>> rows(ApiProblem refused) {
        return new ArrayList<>(refused.fieldErrors().entrySet());
    }

    private Viewer requireAdmin() {
        Viewer viewer = viewers.get();
        if (!viewer.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return viewer;
    }
}
