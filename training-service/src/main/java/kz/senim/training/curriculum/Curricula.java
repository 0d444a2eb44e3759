package kz.senim.training.curriculum;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.Versions;
import kz.senim.training.curriculum.domain.Curriculum;
import kz.senim.training.curriculum.domain.CurriculumModule;
import kz.senim.training.curriculum.domain.TraineeProgress;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The school's mediator curriculum and each trainee's progress through it. */
@Service
public class Curricula {

    private final CurriculumRepository repository;
    private final Qualifications qualifications;

    Curricula(CurriculumRepository repository, Qualifications qualifications) {
        this.repository = repository;
        this.qualifications = qualifications;
    }

    @Transactional(readOnly = true)
    public Curriculum of(CurrentUser caller) {
        return repository.of(school(caller));
    }

    /** Coordinators revise what is required; trainees who now meet it are qualified. */
    @Transactional
    public Curriculum revise(Set<CurriculumModule> modules, int simulations, CurrentUser caller, String ifMatch) {
        String school = school(caller);
        if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only coordinators revise the curriculum");
        }
        Curriculum current = repository.of(school);
        Versions.check(ifMatch, current.version());
        Curriculum revised =
                current.revise(modules.isEmpty() ? EnumSet.noneOf(CurriculumModule.class) : modules, simulations);
        if (!repository.save(revised)) {
            throw new PreconditionFailed();
        }
        long trainees = repository.countTrainees(school);
        for (int offset = 0; offset < trainees; offset += 500) {
            repository.trainees(school, offset, 500).forEach(m -> qualifications.reconsider(revised, m.userId()));
        }
        return revised;
    }

    /** A trainee's progress, for them and for the school's coordinators and admins. */
    @Transactional(readOnly = true)
    public Progress progressOf(String userId, CurrentUser caller) {
        String school = school(caller);
        if (!userId.equals(caller.id()) && !isStaff(caller)) {
            throw new ResourceNotFound("Trainee");
        }
        CurriculumRepository.Member member =
                repository.memberOf(school, userId).orElseThrow(() -> new ResourceNotFound("Trainee"));
        return progress(repository.of(school), member);
    }

    @Transactional(readOnly = true)
    public Page<Progress> trainees(CurrentUser caller, int page, int size) {
        String school = school(caller);
        if (!isStaff(caller)) {
            throw new AccessDeniedException("Only coordinators see every trainee");
        }
        Curriculum curriculum = repository.of(school);
        List<Progress> content = repository.trainees(school, page * size, size).stream()
                .map(m -> progress(curriculum, m))
                .toList();
        return Page.of(content, page, size, repository.countTrainees(school));
    }

    private Progress progress(Curriculum curriculum, CurriculumRepository.Member member) {
        TraineeProgress progress = qualifications.progress(curriculum, member.userId());
        Optional<Instant> qualifiedAt =
                repository.qualifiedAt(curriculum.schoolId(), member.userId(), member.schoolYear());
        return new Progress(member.userId(), member.schoolYear(), member.status(), progress, qualifiedAt.orElse(null));
    }

    /** One trainee's way through the curriculum; qualifiedAt is set once they qualified. */
    public record Progress(
            String userId, String schoolYear, String memberStatus, TraineeProgress progress, Instant qualifiedAt) {}

    private static boolean isStaff(CurrentUser caller) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.ADMIN);
    }

    private static String school(CurrentUser caller) {
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Curriculum"));
    }
}
