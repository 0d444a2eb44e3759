package kz.senim.training.materials;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.IdempotentRequests;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.Versions;
import kz.senim.training.directory.Directory;
import kz.senim.training.materials.domain.Material;
import kz.senim.training.materials.domain.UploadedFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Information materials: coordinators prepare and publish them; everyone else sees the published
 * ones meant for them.
 */
@Service
@EnableConfigurationProperties(MaterialSettings.class)
public class Materials {

    private final MaterialRepository repository;
    private final Directory directory;
    private final IdempotentRequests idempotent;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFileBytes;

    Materials(
            MaterialRepository repository,
            Directory directory,
            IdempotentRequests idempotent,
            ApplicationEventPublisher events,
            Clock clock,
            MaterialSettings settings) {
        this.repository = repository;
        this.directory = directory;
        this.idempotent = idempotent;
        this.events = events;
        this.clock = clock;
        this.maxFileBytes = settings.maxFileBytes();
    }

    public int maxFileBytes() {
        return maxFileBytes;
    }

    @Transactional
    public Material create(CreateMaterial command, CurrentUser caller, String idempotencyKey) {
        String school = staffSchool(caller);
        Optional<String> previous = idempotent.earlier(caller.id(), "material", idempotencyKey);
        if (previous.isPresent()) {
            return get(UUID.fromString(previous.get()), caller);
        }
        Material material = command.toMaterial(UUID.randomUUID(), school);
        repository.insert(material, caller.id(), clock.instant());
        idempotent.remember(
                caller.id(), "material", idempotencyKey, material.id().toString());
        return material;
    }

    /** Staff see every material of the school; others only published ones meant for them. */
    @Transactional(readOnly = true)
    public Material get(UUID id, CurrentUser caller) {
        String school = school(caller);
        Material material = repository.find(school, id).orElseThrow(() -> new ResourceNotFound("Material"));
        if (!visible(material, caller, school)) {
            throw new ResourceNotFound("Material");
        }
        return material;
    }

    @Transactional(readOnly = true)
    public Page<Material> list(CurrentUser caller, int page, int size) {
        String school = school(caller);
        List<Material> visible = repository.findAll(school, !isStaff(caller)).stream()
                .filter(m -> visible(m, caller, school))
                .toList();
        int from = Math.min(page * size, visible.size());
        int to = Math.min(from + size, visible.size());
        return Page.of(visible.subList(from, to), page, size, visible.size());
    }

    @Transactional
    public Material attach(UUID id, String declaredType, byte[] content, CurrentUser caller, String ifMatch) {
        Material current = forStaff(id, caller, ifMatch);
        UploadedFile file;
        try {
            file = UploadedFile.accept(declaredType, content, maxFileBytes);
        } catch (UploadedFile.Refused e) {
            throw new FieldsRefused("file", "File." + e.code());
        }
        Material changed = current.attachFile();
        save(changed);
        repository.saveFile(id, file);
        return changed;
    }

    @Transactional(readOnly = true)
    public UploadedFile file(UUID id, CurrentUser caller) {
        get(id, caller);
        return repository.file(id).orElseThrow(() -> new ResourceNotFound("File"));
    }

    @Transactional
    public Material publish(UUID id, CurrentUser caller, String ifMatch) {
        Material current = forStaff(id, caller, ifMatch);
        Instant now = clock.instant();
        Material published = current.publish(now);
        save(published);
        events.publishEvent(new MaterialPublished(
                UUID.randomUUID(),
                published.schoolId(),
                now,
                published.id(),
                published.kind().name(),
                published.language(),
                published.audience().groups().stream().map(Enum::name).sorted().toList(),
                published.audience().gradeFrom(),
                published.audience().gradeTo(),
                published.hasFile(),
                published.link() != null));
        return published;
    }

    private boolean visible(Material material, CurrentUser caller, String school) {
        if (isStaff(caller)) {
            return true;
        }
        return material.status() == Material.Status.PUBLISHED
                && material.audience()
                        .includes(
                                caller.roles(),
                                directory.gradeOf(school, caller.id()).orElse(null));
    }

    private Material forStaff(UUID id, CurrentUser caller, String ifMatch) {
        String school = staffSchool(caller);
        Material current = repository.find(school, id).orElseThrow(() -> new ResourceNotFound("Material"));
        Versions.check(ifMatch, current.version());
        return current;
    }

    private void save(Material changed) {
        if (!repository.update(changed)) {
            throw new PreconditionFailed();
        }
    }

    private static boolean isStaff(CurrentUser caller) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.ADMIN);
    }

    private static String staffSchool(CurrentUser caller) {
        String school = school(caller);
        if (!isStaff(caller)) {
            throw new AccessDeniedException("Only coordinators and admins prepare materials");
        }
        return school;
    }

    private static String school(CurrentUser caller) {
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Material"));
    }
}
