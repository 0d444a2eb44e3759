package kz.senim.portal.training;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.club.Refusals;
import kz.senim.portal.web.CurrentViewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Information materials: the list (published ones of the viewer's audience; coordinators all), creating
 * one, uploading its file (forwarded to the API with its content type), publishing, and downloading.
 */
@Controller
class MaterialsController {

    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final List<String> KINDS = List.of("BOOKLET", "MEMO", "POSTER");

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final MessageSource messages;

    MaterialsController(GatewayApi api, CurrentViewer viewers, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.messages = messages;
    }

    @GetMapping("/training/materials")
    String materials(Model model) {
        viewers.get();
        model.addAttribute("materials", api.get("/api/materials?size=100").content());
        return "training/materials";
    }

    @GetMapping("/training/materials/new")
    String newMaterial(Model model) {
        viewers.get();
        Map<String, Object> values = new HashMap<>();
        values.put("kind", "BOOKLET");
        values.put("language", "kk");
        values.put("groups", List.of("STUDENTS"));
        values.put("idempotencyKey", UUID.randomUUID().toString());
        form(model, values);
        return "training/material-new";
    }

    @PostMapping("/training/materials")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        viewers.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", params.getFirst("kind"));
        body.put("title", params.getFirst("title"));
        body.put("language", params.getFirst("language"));
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("groups", params.getOrDefault("groups", List.of()));
        audience.put("gradeFrom", ActivitiesController.blankToNull(params.getFirst("gradeFrom")));
        audience.put("gradeTo", ActivitiesController.blankToNull(params.getFirst("gradeTo")));
        body.put("audience", audience);
        body.put("audienceNote", params.getFirst("audienceNote"));
        body.put("link", ActivitiesController.blankToNull(params.getFirst("link")));
        try {
            var created = api.create("/api/materials", body, params.getFirst("idempotencyKey"));
            redirect.addFlashAttribute("done", "training.material.created");
            return "redirect:/training/materials/" + created.text("id");
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            Map<String, Object> values = new HashMap<>(params.toSingleValueMap());
            values.put("groups", params.getOrDefault("groups", List.of()));
            form(model, values);
            return "training/material-new";
        }
    }

    @GetMapping("/training/materials/{id}")
    String material(@PathVariable UUID id, Model model) {
        viewers.get();
        model.addAttribute("material", api.get("/api/materials/{id}", id).map());
        return "training/material";
    }

    @PostMapping("/training/materials/{id}/file")
    String upload(
            @PathVariable UUID id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        viewers.get();
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("formError", message("training.material.fileEmpty"));
        } else if (file.getSize() > MAX_FILE_BYTES) {
            redirect.addFlashAttribute("formError", message("training.material.fileTooLarge"));
        } else {
            MediaType type;
            try {
                type = MediaType.parseMediaType(
                        file.getContentType() == null ? "application/octet-stream" : file.getContentType());
            } catch (IllegalArgumentException unknown) {
                type = MediaType.APPLICATION_OCTET_STREAM;
            }
            try {
                api.send(HttpMethod.PUT, "/api/materials/{id}/file", file.getBytes(), type, id);
                redirect.addFlashAttribute("done", "training.material.uploaded");
            } catch (ApiProblem problem) {
                Refusals.onRedirect(problem, redirect, messages);
            }
        }
        return "redirect:/training/materials/" + id;
    }

    @PostMapping("/training/materials/{id}/publication")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        viewers.get();
        try {
            api.post("/api/materials/{id}/publication", null, id);
            redirect.addFlashAttribute("done", "training.material.published");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return "redirect:/training/materials/" + id;
    }

    /** The material's file, fetched as the viewer and handed over as an attachment. */
    @GetMapping("/training/materials/{id}/file")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        viewers.get();
        GatewayApi.ApiFile file = api.file("/api/materials/{id}/file", id);
        String extension = switch (file.contentType().getSubtype()) {
            case "pdf" -> ".pdf";
            case "png" -> ".png";
            case "jpeg" -> ".jpg";
            default -> "";
        };
        return ResponseEntity.ok()
                .contentType(file.contentType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("material-" + id + extension)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    private static void form(Model model, Map<String, Object> values) {
        model.addAttribute("values", values);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("groups", ActivitiesController.GROUPS);
        model.addAttribute("languages", ActivitiesController.LANGUAGES);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
