package kz.senim.training.materials;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.training.activities.ScheduleActivity;
import kz.senim.training.materials.domain.Material;
import kz.senim.training.materials.domain.UploadedFile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Materials", description = "Information materials: booklets, memos and posters.")
@RestController
@RequestMapping("/api/materials")
class MaterialController {

    private final Materials materials;

    MaterialController(Materials materials) {
        this.materials = materials;
    }

    @Operation(operationId = "createMaterial", summary = "Create a material")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<MaterialView> create(
            @Valid @RequestBody CreateMaterial request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            CurrentUser caller) {
        Material material = materials.create(request, caller, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/materials/" + material.id()))
                .eTag(Long.toString(material.version()))
                .body(MaterialView.of(material));
    }

    @Operation(operationId = "listMaterials", summary = "List materials")
    @GetMapping
    Page<MaterialView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            CurrentUser caller) {
        Page<Material> found = materials.list(caller, page, size);
        return new Page<>(
                found.content().stream().map(MaterialView::of).toList(),
                found.page(),
                found.size(),
                found.totalElements(),
                found.totalPages());
    }

    @Operation(operationId = "getMaterial", summary = "Read a material")
    @GetMapping("/{id}")
    ResponseEntity<MaterialView> get(@PathVariable UUID id, CurrentUser caller) {
        return answer(materials.get(id, caller));
    }

    /** The file itself as the request body, with its Content-Type: a PDF, PNG or JPEG. */
    @Operation(
            operationId = "uploadMaterialFile",
            summary = "Upload a material's file",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "The file itself, at most 10 MB, its type declared in Content-Type",
                            content = {
                                @Content(
                                        mediaType = "application/pdf",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))
                            }))
    @PutMapping(value = "/{id}/file", consumes = MediaType.ALL_VALUE)
    ResponseEntity<MaterialView> upload(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            HttpServletRequest request,
            CurrentUser caller)
            throws IOException {
        long declaredLength = request.getContentLengthLong();
        if (declaredLength > materials.maxFileBytes()) {
            throw new FieldsRefused("file", "File.too-large");
        }
        // Never more than one byte past the limit is read, whatever the sender claims.
        byte[] content = request.getInputStream().readNBytes(materials.maxFileBytes() + 1);
        return answer(materials.attach(id, request.getContentType(), content, caller, ifMatch));
    }

    @Operation(operationId = "downloadMaterialFile", summary = "Download a material's file")
    @ApiResponse(
            responseCode = "200",
            description = "The stored file, unchanged",
            content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))
            })
    @GetMapping("/{id}/file")
    ResponseEntity<byte[]> download(@PathVariable UUID id, CurrentUser caller) {
        UploadedFile file = materials.file(id, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"material-" + id + "\"")
                .eTag(file.sha256())
                .body(file.content());
    }

    @Operation(operationId = "publishMaterial", summary = "Publish a material")
    @PostMapping("/{id}/publication")
    ResponseEntity<MaterialView> publish(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(materials.publish(id, caller, ifMatch));
    }

    private static ResponseEntity<MaterialView> answer(Material material) {
        return ResponseEntity.ok().eTag(Long.toString(material.version())).body(MaterialView.of(material));
    }

    record MaterialView(
            UUID id,
            String kind,
            String title,
            String language,
            ScheduleActivity.AudienceBody audience,
            String audienceNote,
            String link,
            boolean hasFile,
            String status,
            Instant publishedAt) {

        static MaterialView of(Material m) {
            return new MaterialView(
                    m.id(),
                    m.kind().name(),
                    m.title(),
                    m.language(),
                    ScheduleActivity.AudienceBody.of(m.audience()),
                    m.audienceNote(),
                    m.link(),
                    m.hasFile(),
                    m.status().name(),
                    m.publishedAt());
        }
    }
}
