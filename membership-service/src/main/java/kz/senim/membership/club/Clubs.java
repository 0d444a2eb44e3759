package kz.senim.membership.club;

import java.util.ArrayList;
import java.util.List;
import kz.senim.membership.club.domain.AdmissionGrades;
import kz.senim.membership.club.domain.ClubProfile;
import kz.senim.membership.club.domain.Localized;
import kz.senim.membership.club.domain.Principle;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import kz.senim.membership.people.People;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.membership.school.Schools;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.Versions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Club profiles: public to read, edited by the school's coordinators and admins. */
@Service
public class Clubs {

    private final ClubRepository repository;
    private final Schools schools;
    private final People people;

    Clubs(ClubRepository repository, Schools schools, People people) {
        this.repository = repository;
        this.schools = schools;
        this.people = people;
    }

    /** The profile of an existing school's club (its defaults until a coordinator edits it). */
    @Transactional(readOnly = true)
    public ClubProfile profileOf(String schoolId) {
        if (schools.find(schoolId).isEmpty()) {
            throw new ResourceNotFound("Club");
        }
        return repository.find(schoolId).orElseGet(() -> ClubProfile.defaults(schoolId));
    }

    @Transactional(readOnly = true)
    public ClubProfile profileForEditing(String schoolId, CurrentUser caller) {
        checkEditor(schoolId, caller);
        return profileOf(schoolId);
    }

    @Transactional
    public ClubProfile edit(String schoolId, EditClubProfile edit, String ifMatch, CurrentUser caller) {
        checkEditor(schoolId, caller);
        ClubProfile current = profileOf(schoolId);
        Versions.check(ifMatch, current.version());
        List<FieldProblem> problems = new ArrayList<>();
        List<ClubProfile.Leader> leaders = new ArrayList<>();
        List<EditClubProfile.LeaderEntry> entries = edit.leaders() == null ? List.of() : edit.leaders();
        for (int i = 0; i < entries.size(); i++) {
            EditClubProfile.LeaderEntry e = entries.get(i);
            boolean coordinator = people.entryOf(schoolId, e.userId())
                    .map(p -> p.role() == PersonRole.COORDINATOR)
                    .orElse(false);
            if (!coordinator) {
                problems.add(new FieldProblem("leaders[" + i + "].userId", "club.leader.coordinator"));
            }
            leaders.add(new ClubProfile.Leader(
                    e.userId(),
                    e.title().localized(),
                    e.officeRoom(),
                    e.contacts() == null
                            ? List.of()
                            : e.contacts().stream()
                                    .map(c -> new ClubProfile.ContactChannel(c.kind(), c.value()))
                                    .toList(),
                    e.officeHours() == null ? null : e.officeHours().localized()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        ClubProfile changed = new ClubProfile(
                schoolId,
                edit.name().localized(),
                edit.goals().localized(),
                edit.tasks().localized(),
                edit.principles() == null
                        ? List.of()
                        : edit.principles().stream()
                                .map(p -> new ClubProfile.PrincipleText(
                                        Principle.valueOf(p.principle()),
                                        p.title() == null ? null : p.title().localized(),
                                        p.text() == null ? null : p.text().localized()))
                                .toList(),
                leaders,
                edit.socialLinks() == null
                        ? List.of()
                        : edit.socialLinks().stream()
                                .map(s -> new ClubProfile.SocialLink(s.network(), s.url()))
                                .toList(),
                new AdmissionGrades(edit.admissionGradeFrom(), edit.admissionGradeTo()),
                edit.capacity(),
                optional(edit.meetingPlace()),
                optional(edit.meetingRhythm()),
                current.version() + 1);
        if (!repository.save(changed, current.version())) {
            throw new PreconditionFailed();
        }
        return changed;
    }

    private static Localized optional(EditClubProfile.OptionalText text) {
        return text == null ? null : text.localized();
    }

    /** Coordinators and admins of the school edit its club; anyone else of the school may not; others see nothing. */
    private static void checkEditor(String schoolId, CurrentUser caller) {
        if (!caller.belongsTo(schoolId)) {
            throw new ResourceNotFound("Club");
        }
        if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only coordinators and admins edit the club");
        }
    }
}
