package kz.senim.training.curriculum;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import kz.senim.training.curriculum.domain.Curriculum;
import kz.senim.training.curriculum.domain.TraineeProgress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides when a trainee is qualified: after attendance is recorded, when someone is admitted as a
 * trainee, and when the curriculum changes. Publishes {@link TraineeQualified} once per trainee and
 * school year.
 */
@Service
public class Qualifications {

    private final CurriculumRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Qualifications(CurriculumRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void reconsider(String schoolId, Collection<String> userIds) {
        Curriculum curriculum = repository.of(schoolId);
        for (String userId : userIds) {
            reconsider(curriculum, userId);
        }
    }

    void reconsider(Curriculum curriculum, String userId) {
        String school = curriculum.schoolId();
        repository
                .memberOf(school, userId)
                .filter(member -> "TRAINEE".equals(member.status()))
                .ifPresent(member -> {
                    TraineeProgress progress = progress(curriculum, userId);
                    Instant now = clock.instant();
                    if (progress.qualified()
                            && repository.qualify(
                                    school,
                                    userId,
                                    member.schoolYear(),
                                    progress.modulesCompleted().size(),
                                    progress.simulationsAttended(),
                                    now)) {
                        events.publishEvent(new TraineeQualified(
                                UUID.randomUUID(),
                                school,
                                now,
                                userId,
                                member.schoolYear(),
                                progress.modulesCompleted().size(),
                                progress.simulationsAttended()));
                    }
                });
    }

    TraineeProgress progress(Curriculum curriculum, String userId) {
        return curriculum.progressOf(
                repository.modulesAttended(curriculum.schoolId(), userId),
                repository.simulationsAttended(curriculum.schoolId(), userId));
    }
}
