package kz.senim.membership.members;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.membership.club.Clubs;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import kz.senim.membership.domain.RefusedByRule;
import kz.senim.membership.members.domain.Member;
import kz.senim.membership.members.domain.MemberStatus;
import kz.senim.membership.members.domain.RosterRenewal;
import kz.senim.membership.people.People;
import kz.senim.membership.people.domain.Person;
import kz.senim.membership.school.School;
import kz.senim.membership.school.Schools;
import kz.senim.platform.SchoolYear;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The club's young mediators, per school year. */
@Service
public class Members {

    static final Map<String, String> SORTS =
            Map.of("userId", "user_id", "status", "status", "admittedAt", "admitted_at");

    private final MemberRepository repository;
    private final Schools schools;
    private final Clubs clubs;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(
            MemberRepository repository,
            Schools schools,
            Clubs clubs,
            People people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.schools = schools;
        this.clubs = clubs;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The club's current school year: the latest the roster was renewed into, or, before the first
     * renewal, the year today falls in at the school.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SchoolYear currentYear(String schoolId) {
        Optional<SchoolYear> latest = repository.latestYear(schoolId);
        if (latest.isPresent()) {
            return latest.get();
        }
        School school = schools.find(schoolId).orElseThrow(() -> new ResourceNotFound("School"));
        SchoolYear year =
                SchoolYear.containing(LocalDate.now(clock.withZone(school.timeZone())), school.yearStartMonth());
        repository.openYear(schoolId, year, clock.instant());
        return repository.latestYear(schoolId).orElse(year);
    }

    /** True when the person is a trainee or certified member in the current year. */
    @Transactional
    public boolean isActiveMember(String schoolId, String userId) {
        return repository
                .find(schoolId, currentYear(schoolId), userId)
                .map(m -> m.status().isActive())
                .orElse(false);
    }

    /**
     * Admits a student into the current year when the club has room; false when it is full. Admissions
     * of one club run one at a time, so the capacity holds.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean admitIfRoom(String schoolId, String userId) {
        SchoolYear year = currentYear(schoolId);
        repository.lock(schoolId, year);
        Map<MemberStatus, Integer> counts = repository.counts(schoolId, year);
        int active = counts.get(MemberStatus.TRAINEE) + counts.get(MemberStatus.CERTIFIED);
        if (active >= clubs.profileOf(schoolId).capacity()) {
            return false;
        }
        if (repository
                .find(schoolId, year, userId)
                .map(m -> m.status().isActive())
                .orElse(false)) {
            throw new RefusedByRule("already-a-member", "The student is already a member of the club");
        }
        Member member = Member.admit(schoolId, userId, year, clock.instant());
        repository.admit(member);
        events.publishEvent(MemberAdmitted.of(member, member.admittedAt()));
        return true;
    }

    @Transactional
    public Member certify(String userId, String note, CurrentUser caller) {
        String school = coordinatedSchool(caller);
        Member member = current(school, userId);
        Member certified = member.certify(note, clock.instant());
        repository.update(certified);
        events.publishEvent(MemberCertified.of(certified, certified.certifiedAt()));
        return certified;
    }

    /** The curriculum is complete (training-service said so): a trainee of that year becomes certified. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean certifyQualifiedTrainee(String schoolId, String userId, SchoolYear year) {
        Optional<Member> member = repository.find(schoolId, year, userId);
        if (member.isEmpty() || member.get().status() != MemberStatus.TRAINEE) {
            return false;
        }
        Member certified = member.get().certify(null, clock.instant());
        repository.update(certified);
        events.publishEvent(MemberCertified.of(certified, certified.certifiedAt()));
        return true;
    }

    /** A member leaves (voluntariness: at any time), on their own or through a coordinator. */
    @Transactional
    public Member leave(String userId, CurrentUser caller) {
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("Member"));
        boolean self = userId.equals(caller.id());
        if (!self && !caller.has(Role.COORDINATOR)) {
            if (caller.has(Role.ADMIN)) {
                throw new AccessDeniedException("Only the member or a coordinator records leaving");
            }
            throw new ResourceNotFound("Member");
        }
        Member left = current(school, userId).leave(clock.instant());
        repository.update(left);
        events.publishEvent(MemberLeft.of(left, left.leftAt()));
        return left;
    }

    /**
     * A person who left the school's directory leaves the club at once, not at the next roster renewal
     * (issue 13); nothing happens when they were not an active member.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endForLeaver(String schoolId, String userId) {
        if (schools.find(schoolId).isEmpty()) {
            return;
        }
        Optional<Member> member = repository
                .find(schoolId, currentYear(schoolId), userId)
                .filter(m -> m.status().isActive());
        if (member.isPresent()) {
            Member left = member.get().leave(clock.instant());
            repository.update(left);
            events.publishEvent(MemberLeft.of(left, left.leftAt()));
        }
    }

    @Transactional
    public Member get(String userId, CurrentUser caller) {
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("Member"));
        if (!userId.equals(caller.id()) && !caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new ResourceNotFound("Member");
        }
        return current(school, userId);
    }

    /** The roster of a year with its counts (the current year by default). */
    @Transactional
    public Roster roster(String year, String status, PageQuery page, CurrentUser caller) {
        String school = viewedSchool(caller);
        SchoolYear schoolYear = year == null ? currentYear(school) : parseYear(year, "year");
        MemberStatus wanted = null;
        if (status != null) {
            try {
                wanted = MemberStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(List.of(new FieldProblem("status", "member.status.known")));
            }
        }
        Map<MemberStatus, Integer> counts = repository.counts(school, schoolYear);
        long total = wanted == null
                ? counts.values().stream().mapToInt(Integer::intValue).sum()
                : counts.get(wanted);
        return new Roster(
                schoolYear.toString(),
                clubs.profileOf(school).capacity(),
                counts.get(MemberStatus.TRAINEE) + counts.get(MemberStatus.CERTIFIED),
                counts,
                Page.of(repository.page(school, schoolYear, wanted, page), page, total));
    }

    /** A roster year with how many are in it. */
    public record Roster(
            String schoolYear,
            int capacity,
            int activeMembers,
            Map<MemberStatus, Integer> counts,
            Page<Member> members) {}

    /**
     * Renews the roster into the next school year: continuing members carry over, graduates (grade 11 in
     * the directory) become alumni, members no longer students of the school leave. New members are
     * admitted through applications in the new year.
     */
    @Transactional
    public RosterRenewal renew(String toYear, CurrentUser caller) {
        String school = coordinatedSchool(caller);
        SchoolYear target = parseYear(toYear, "schoolYear");
        SchoolYear from = currentYear(school);
        repository.lock(school, from);
        if (!target.equals(from.next())) {
            throw new RefusedByRule(
                    "roster-renewal-year", "The roster can only be renewed into the year after the current one");
        }
        Map<String, Integer> grades = new HashMap<>();
        for (Person p : people.directoryOf(school).values()) {
            if (p.isStudent()) {
                grades.put(p.userId(), p.grade());
            }
        }
        Instant now = clock.instant();
        RosterRenewal renewal = RosterRenewal.of(from, repository.roster(school, from), grades, now);
        repository.openYear(school, target, now);
        for (Member graduate : renewal.graduated()) {
            repository.update(graduate);
            events.publishEvent(MemberGraduated.of(graduate, now));
        }
        for (Member gone : renewal.left()) {
            repository.update(gone);
            events.publishEvent(MemberLeft.of(gone, now));
        }
        for (Member continuing : renewal.continuing()) {
            repository.admit(continuing);
            events.publishEvent(MemberAdmitted.of(continuing, now));
        }
        events.publishEvent(new RosterRenewed(
                UUID.randomUUID(),
                school,
                now,
                target.toString(),
                from.toString(),
                renewal.continuing().size(),
                renewal.graduated().size(),
                renewal.left().size()));
        return renewal;
    }

    private Member current(String school, String userId) {
        return repository.find(school, currentYear(school), userId).orElseThrow(() -> new ResourceNotFound("Member"));
    }

    private static SchoolYear parseYear(String text, String field) {
        return SchoolYear.of(text, field);
    }

    private static String coordinatedSchool(CurrentUser caller) {
        if (!caller.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only coordinators run membership");
        }
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("School"));
    }

    private static String viewedSchool(CurrentUser caller) {
        if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only coordinators and admins see the roster");
        }
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("School"));
    }
}
