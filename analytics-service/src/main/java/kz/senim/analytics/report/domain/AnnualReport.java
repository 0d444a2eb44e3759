package kz.senim.analytics.report.domain;

import static kz.senim.analytics.report.domain.EventTypes.*;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Computes a school's annual report from its facts (docs/analytics.md defines every indicator). The result
 * depends only on the set of facts, never on the order they arrived in: wherever "the latest" matters, facts are
 * ordered by {@link Fact#CHRONOLOGICAL}.
 */
public final class AnnualReport {

    /** The zone of a school whose registration has not arrived (as training-service assumes, decision 24). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Almaty");

    public static final int DEFAULT_START_MONTH = 9;

    /** The month training-service's school year starts in, for every school (its counts of people reached). */
    public static final int TRAINING_YEAR_START_MONTH = 9;

    private final List<Fact> facts;
    private final Map<String, Number> out = new LinkedHashMap<>();
    private final Map<String, List<Double>> samples = new HashMap<>();
    private final String yearLabel;
    private Instant from;
    private Instant to;

    private AnnualReport(List<Fact> facts, SchoolYear year) {
        this.facts = facts.stream().sorted(Fact.CHRONOLOGICAL).toList();
        this.yearLabel = year.label();
    }

    public static SchoolReport of(String schoolId, SchoolYear year, List<Fact> facts) {
        AnnualReport report = new AnnualReport(facts, year);
        ZoneId zone = report.zone();
        int startMonth = report.startMonth();
        report.from = year.start(zone, startMonth);
        report.to = year.end(zone, startMonth);
        Indicators.keys().forEach(key -> report.out.put(key, 0L));
        report.plan();
        report.youngMediators();
        report.activities();
        report.reach(startMonth);
        report.information();
        report.trustBox();
        report.cases();
        report.consultations();
        return new SchoolReport(schoolId, year, zone, report.from, report.to, report.out, report.samples);
    }

    /** The zone of the latest school-registered or school-updated; Almaty when there is none or it is unknown. */
    ZoneId zone() {
        return latest(f -> f.type().equals(SCHOOL_REGISTERED) || f.type().equals(SCHOOL_UPDATED))
                .flatMap(f -> f.attribute("timeZone"))
                .flatMap(AnnualReport::zoneOf)
                .orElse(DEFAULT_ZONE);
    }

    /**
     * The {@code yearStartMonth} of the latest school-registered or school-updated that has one (records of
     * school-registered before it carried the month have none); September without one.
     */
    int startMonth() {
        return latest(f -> (f.type().equals(SCHOOL_REGISTERED) || f.type().equals(SCHOOL_UPDATED))
                        && f.attribute("yearStartMonth").isPresent())
                .flatMap(f -> f.attribute("yearStartMonth"))
                .map(Integer::parseInt)
                .filter(m -> m >= 1 && m <= 12)
                .orElse(DEFAULT_START_MONTH);
    }

    /**
     * Each item of the year's plan by the status of its latest plan-item-created or plan-item-status-changed, and
     * the completion computed from those items as training-service computes it (done fully, partly done half,
     * cancelled items left out).
     */
    private void plan() {
        Map<UUID, Fact> latestByItem = latestBySubject(
                of(PLAN_ITEM_CREATED, PLAN_ITEM_STATUS_CHANGED).filter(f -> f.is("schoolYear", yearLabel)));
        long done = 0;
        long partly = 0;
        long cancelled = 0;
        for (Fact item : latestByItem.values()) {
            String status = item.get("status");
            add("plan.items." + status, 1);
            add("plan.items.total", 1);
            done += "DONE".equals(status) ? 1 : 0;
            partly += "PARTLY_DONE".equals(status) ? 1 : 0;
            cancelled += "CANCELLED".equals(status) ? 1 : 0;
        }
        long counted = latestByItem.size() - cancelled;
        out.put(
                "plan.completionPercentage",
                latestByItem.isEmpty()
                        ? null
                        : counted == 0 ? 0L : Math.round((done + partly / 2.0) * 100.0 / counted));
    }

    /**
     * Distinct students and people the club's activities reached in the year: training-service counts them (it has
     * the marks) on each attendance-recorded; the latest recording of the year's activities has the year's number.
     * training-service's school year runs from September ({@link #TRAINING_YEAR_START_MONTH}) whatever the school's
     * start month: its counts are of the school's year only when the school's year starts in September too. A
     * school whose year starts in another month has no such count (none: null), since distinct people over its
     * year cannot be made from counts over other periods.
     */
    private void reach(int startMonth) {
        if (startMonth != TRAINING_YEAR_START_MONTH) {
            out.put("reach.students", null);
            out.put("reach.people", null);
            return;
        }
        latest(f -> f.type().equals(ATTENDANCE_RECORDED)
                        && f.is("schoolYear", yearLabel)
                        && f.attribute("peopleReachedInSchoolYear").isPresent())
                .ifPresent(f -> {
                    out.put("reach.students", f.number("studentsReachedInSchoolYear"));
                    out.put("reach.people", f.number("peopleReachedInSchoolYear"));
                });
    }

    private void youngMediators() {
        Predicate<Fact> thisYear = f -> f.is("schoolYear", yearLabel);
        long admitted = of(MEMBER_ADMITTED).filter(thisYear).count();
        long left = of(MEMBER_LEFT).filter(thisYear).count();
        long graduated = of(MEMBER_GRADUATED).filter(thisYear).count();
        long continuing = latest(f -> f.type().equals(ROSTER_RENEWED) && f.is("schoolYear", yearLabel))
                .map(f -> f.number("continuing"))
                .orElse(0L);
        out.put("youngMediators.continuing", continuing);
        out.put("youngMediators.admitted", admitted);
        out.put(
                "youngMediators.qualified",
                of(TRAINEE_QUALIFIED).filter(thisYear).count());
        out.put(
                "youngMediators.certified",
                of(MEMBER_CERTIFIED).filter(thisYear).count());
        out.put("youngMediators.left", left);
        out.put("youngMediators.graduated", graduated);
        out.put("youngMediators.activeEstimate", Math.max(0, continuing + admitted - left - graduated));
    }

    private void activities() {
        Map<UUID, List<Fact>> byActivity = of(ACTIVITY_COMPLETED, ACTIVITY_CANCELLED, ATTENDANCE_RECORDED)
                .filter(f -> f.subject() != null)
                .collect(Collectors.groupingBy(Fact::subject, LinkedHashMap::new, Collectors.toList()));
        for (List<Fact> history : byActivity.values()) {
            Optional<Fact> lifecycle = history.stream()
                    .filter(f -> !f.type().equals(ATTENDANCE_RECORDED))
                    .reduce((a, b) -> b);
            if (lifecycle.isEmpty() || !lifecycle.get().type().equals(ACTIVITY_COMPLETED)) {
                continue; // never completed, or cancelled after all
            }
            Fact completed = lifecycle.get();
            Instant startsAt =
                    completed.attribute("startsAt").map(Instant::parse).orElse(completed.occurredAt());
            if (!within(startsAt)) {
                continue;
            }
            Fact lastCount = history.stream()
                    .filter(f -> !f.type().equals(ACTIVITY_CANCELLED))
                    .reduce((a, b) -> b)
                    .orElse(completed);
            long participants = lastCount.type().equals(ACTIVITY_COMPLETED)
                    ? lastCount.number("participantCount")
                    : lastCount.number("presentCount") + lastCount.number("headCount");
            String type = completed.get("activityType");
            add("activities." + type + ".held", 1);
            add("activities." + type + ".participants", participants);
        }
    }

    private void information() {
        for (Fact first : firstBySubject(of(MATERIAL_PUBLISHED)).values()) {
            if (within(first.occurredAt())) {
                add("information.materialsPublished." + first.get("kind"), 1);
                add("information.materialsPublished.total", 1);
            }
        }
    }

    private void trustBox() {
        out.put("trustBox.messagesReceived", inYear(TRUST_BOX_MESSAGE_RECEIVED).count());
        List<Fact> started = inYear(TRUST_BOX_MESSAGE_RECEIVED)
                .filter(f -> f.is("firstMessage", "true"))
                .toList();
        out.put("trustBox.threadsStarted", distinctSubjects(started.stream()));
        out.put("trustBox.threadsAnswered", distinctSubjects(inYear(TRUST_BOX_MESSAGE_ANSWERED)));
        List<Double> hours = new ArrayList<>();
        for (Fact first : firstBySubject(started.stream()).values()) {
            of(TRUST_BOX_MESSAGE_ANSWERED)
                    .filter(a -> first.subject().equals(a.subject())
                            && !a.occurredAt().isBefore(first.occurredAt()))
                    .findFirst()
                    .ifPresent(a -> hours.add(
                            Duration.between(first.occurredAt(), a.occurredAt()).toSeconds() / 3600.0));
        }
        samples.put("trustBox.medianHoursToFirstAnswer", List.copyOf(hours));
        out.put("trustBox.medianHoursToFirstAnswer", Median.of(hours));
        out.put("trustBox.safetyConcernsFlagged", distinctSubjects(inYear(TRUST_BOX_SAFETY_CONCERN)));
        out.put("trustBox.casesOpened", distinctSubjects(inYear(TRUST_BOX_CASE_OPENED)));
    }

    private void cases() {
        Map<UUID, Fact> requests = firstBySubject(of(REQUEST_SUBMITTED));
        for (Fact request : requests.values()) {
            if (within(request.occurredAt())) {
                add("cases.requested", 1);
                add("cases.byKind." + request.get("kind"), 1);
                add("cases.byChannel." + request.get("channel"), 1);
                add("cases.byUrgency." + request.get("urgency"), 1);
                add("cases.byParties." + between(request), 1);
            }
        }
        Set<UUID> accepted = inYear(REQUEST_TRIAGED)
                .filter(f -> f.get("decision") != null && f.get("decision").startsWith("ACCEPT_"))
                .map(Fact::subject)
                .collect(Collectors.toCollection(HashSet::new));
        for (UUID caseId : accepted) {
            Optional<Fact> decisive = of(REQUEST_TRIAGED, REQUEST_ESCALATED)
                    .filter(f -> caseId.equals(f.subject()) && f.occurredAt().isBefore(to))
                    .filter(f -> f.type().equals(REQUEST_ESCALATED) || f.get("mediatedBy") != null)
                    .reduce((a, b) -> b);
            boolean peer =
                    decisive.map(f -> f.is("mediatedBy", "PEER_MEDIATORS")).orElse(false);
            add("cases.accepted", 1);
            add("cases.mediatedBy." + (peer ? "PEER" : "ADULTS"), 1);
        }
        Set<UUID> escalated = new HashSet<>();
        inYear(REQUEST_ESCALATED).forEach(f -> escalated.add(f.subject()));
        inYear(REQUEST_TRIAGED).filter(f -> f.is("decision", "ESCALATE")).forEach(f -> escalated.add(f.subject()));
        out.put("cases.escalated", (long) escalated.size());

        Map<UUID, Fact> agreements = firstBySubject(inYear(AGREEMENT_SIGNED));
        out.put("cases.agreementsReached", (long) agreements.size());
        out.put("cases.noAgreement", distinctSubjects(inYear(NO_AGREEMENT)));
        List<Double> days = new ArrayList<>();
        agreements.forEach((caseId, agreement) -> Optional.ofNullable(requests.get(caseId))
                .ifPresent(request -> days.add(Duration.between(request.occurredAt(), agreement.occurredAt())
                                .toSeconds()
                        / 86400.0)));
        samples.put("cases.medianDaysToAgreement", List.copyOf(days));
        out.put("cases.medianDaysToAgreement", Median.of(days));

        for (Fact closed : latestBySubject(inYear(CASE_CLOSED)).values()) {
            add("cases.closed", 1);
            add("cases.closedBy." + closed.get("outcome"), 1);
        }
        for (Fact followUp : latestBySubject(inYear(FOLLOW_UP_RECORDED)).values()) {
            add("cases.followUps.recorded", 1);
            add("cases.followUps." + followUp.get("result"), 1);
        }
    }

    /**
     * Who a conflict was between, from the party counts of its request: with a parent before with a teacher before
     * with another adult; only students; not known for an anonymous case (no parties named) or a request published
     * before the counts existed.
     */
    static String between(Fact request) {
        if (request.attribute("studentParties").isEmpty() || request.number("partyCount") == 0) {
            return "NOT_KNOWN";
        }
        if (request.number("parentParties") > 0) {
            return "WITH_PARENT";
        }
        if (request.number("teacherParties") > 0) {
            return "WITH_TEACHER";
        }
        if (request.number("otherAdultParties") > 0) {
            return "WITH_OTHER_ADULT";
        }
        return "STUDENTS_ONLY";
    }

    private void consultations() {
        for (Fact requested : firstBySubject(of(CONSULTATION_REQUESTED)).values()) {
            if (within(requested.occurredAt())) {
                add("consultations.requested", 1);
                add("consultations.byKind." + requested.get("kind"), 1);
            }
        }
        Map<UUID, Fact> answered = firstBySubject(inYear(CONSULTATION_ANSWERED));
        out.put("consultations.answered", (long) answered.size());
        out.put(
                "consultations.answeredAsPeerAdvice",
                answered.values().stream()
                        .filter(f -> f.is("peerAdvice", "true"))
                        .count());
        out.put(
                "consultations.answeredInMeeting",
                answered.values().stream()
                        .filter(f -> f.is("inMeeting", "true"))
                        .count());
    }

    private java.util.stream.Stream<Fact> of(String... types) {
        Set<String> wanted = Set.of(types);
        return facts.stream().filter(f -> wanted.contains(f.type()));
    }

    private java.util.stream.Stream<Fact> inYear(String type) {
        return of(type).filter(f -> within(f.occurredAt()));
    }

    private boolean within(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    private Optional<Fact> latest(Predicate<Fact> which) {
        return facts.stream().filter(which).reduce((a, b) -> b);
    }

    private static Map<UUID, Fact> firstBySubject(java.util.stream.Stream<Fact> facts) {
        Map<UUID, Fact> first = new LinkedHashMap<>();
        facts.filter(f -> f.subject() != null).forEach(f -> first.putIfAbsent(f.subject(), f));
        return first;
    }

    private static Map<UUID, Fact> latestBySubject(java.util.stream.Stream<Fact> facts) {
        Map<UUID, Fact> latest = new LinkedHashMap<>();
        facts.filter(f -> f.subject() != null).forEach(f -> latest.put(f.subject(), f));
        return latest;
    }

    private static long distinctSubjects(java.util.stream.Stream<Fact> facts) {
        return facts.map(Fact::subject)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .count();
    }

    /** Adds to a count; a category the report does not list (a newer enum value) is still kept under its key. */
    private void add(String key, long amount) {
        out.merge(key, amount, (a, b) -> a.longValue() + b.longValue());
    }

    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
