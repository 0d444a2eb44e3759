package kz.senim.analytics.report.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The indicator keys and how they add up. Each key is defined in docs/analytics.md; the order is the order of the
 * club's annual report.
 */
public final class Indicators {

    public static final List<String> PLAN_STATUSES = List.of("PLANNED", "DONE", "PARTLY_DONE", "CANCELLED");
    public static final List<String> ACTIVITY_TYPES = List.of(
            "TRAINING",
            "MASTER_CLASS",
            "SIMULATION",
            "PEER_LESSON",
            "PARENT_SESSION",
            "TEACHER_SESSION",
            "EXPERIENCE_EXCHANGE",
            "CLUB_MEETING",
            "ADAPTATION_SUPPORT");
    public static final List<String> MATERIAL_KINDS = List.of("BOOKLET", "MEMO", "POSTER");
    public static final List<String> REQUEST_KINDS = List.of("MEDIATION", "CONSULTATION", "QUESTION");
    public static final List<String> CHANNELS = List.of("ONLINE_FORM", "IN_PERSON", "TRUST_BOX");
    public static final List<String> URGENCIES = List.of("LOW", "NORMAL", "HIGH");
    /** Who a conflict was between (docs/analytics.md, {@code cases.byParties}). */
    public static final List<String> PARTIES =
            List.of("STUDENTS_ONLY", "WITH_TEACHER", "WITH_PARENT", "WITH_OTHER_ADULT", "NOT_KNOWN");

    public static final List<String> MEDIATED_BY = List.of("PEER", "ADULTS");
    public static final List<String> OUTCOMES = List.of(
            "AGREEMENT_KEPT",
            "AGREEMENT_PARTLY_KEPT",
            "AGREEMENT_NOT_KEPT",
            "NO_AGREEMENT",
            "CONSENT_REFUSED",
            "WITHDRAWN",
            "DECLINED",
            "ROUTED_TO_CONSULTATION",
            "ESCALATED");
    public static final List<String> FOLLOW_UP_RESULTS = List.of("KEPT", "PARTLY_KEPT", "NOT_KEPT");
    public static final List<String> CONSULTATION_KINDS = List.of("CONSULTATION", "QUESTION");

    /** Medians: not added up, and in the district view hidden when fewer samples than the threshold stand behind. */
    public static final Set<String> MEDIANS =
            Set.of("cases.medianDaysToAgreement", "trustBox.medianHoursToFirstAnswer");

    /** Not added up across schools (a share of each school's own plan). */
    public static final Set<String> NOT_ADDITIVE = Set.of("plan.completionPercentage");

    private Indicators() {}

    /**
     * A total and the parts that add up to it in every school (and so in the district): every key that starts with
     * {@code partPrefix}, including categories a newer producer adds.
     */
    public record Sum(String total, String partPrefix) {

        public boolean isPart(String key) {
            return key.startsWith(partPrefix) && !key.equals(total);
        }
    }

    /** Every indicator key in report order. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        PLAN_STATUSES.forEach(s -> keys.add("plan.items." + s));
        keys.add("plan.items.total");
        keys.add("plan.completionPercentage");
        keys.addAll(List.of(
                "youngMediators.continuing",
                "youngMediators.admitted",
                "youngMediators.qualified",
                "youngMediators.certified",
                "youngMediators.left",
                "youngMediators.graduated",
                "youngMediators.activeEstimate"));
        for (String type : ACTIVITY_TYPES) {
            keys.add("activities." + type + ".held");
            keys.add("activities." + type + ".participants");
        }
        keys.add("reach.students");
        keys.add("reach.people");
        MATERIAL_KINDS.forEach(k -> keys.add("information.materialsPublished." + k));
        keys.add("information.materialsPublished.total");
        keys.addAll(List.of(
                "trustBox.messagesReceived",
                "trustBox.threadsStarted",
                "trustBox.threadsAnswered",
                "trustBox.medianHoursToFirstAnswer",
                "trustBox.safetyConcernsFlagged",
                "trustBox.casesOpened"));
        keys.add("cases.requested");
        REQUEST_KINDS.forEach(k -> keys.add("cases.byKind." + k));
        CHANNELS.forEach(c -> keys.add("cases.byChannel." + c));
        URGENCIES.forEach(u -> keys.add("cases.byUrgency." + u));
        PARTIES.forEach(p -> keys.add("cases.byParties." + p));
        keys.add("cases.accepted");
        MEDIATED_BY.forEach(m -> keys.add("cases.mediatedBy." + m));
        keys.add("cases.escalated");
        keys.add("cases.agreementsReached");
        keys.add("cases.noAgreement");
        keys.add("cases.medianDaysToAgreement");
        keys.add("cases.closed");
        OUTCOMES.forEach(o -> keys.add("cases.closedBy." + o));
        keys.add("cases.followUps.recorded");
        FOLLOW_UP_RESULTS.forEach(r -> keys.add("cases.followUps." + r));
        keys.add("consultations.requested");
        CONSULTATION_KINDS.forEach(k -> keys.add("consultations.byKind." + k));
        keys.add("consultations.answered");
        keys.add("consultations.answeredAsPeerAdvice");
        keys.add("consultations.answeredInMeeting");
        return List.copyOf(keys);
    }

    /**
     * Whether the district view suppresses small values of the key: cases, trust-box messages, safety concerns, and
     * how many pupils the club reached.
     */
    public static boolean suppressed(String key) {
        return key.startsWith("cases.") || key.startsWith("trustBox.") || key.startsWith("reach.");
    }

    /** The sums among suppressed indicators: a suppressed value must not be recoverable from them. */
    public static List<Sum> suppressedSums() {
        return List.of(
                new Sum("cases.requested", "cases.byKind."),
                new Sum("cases.requested", "cases.byChannel."),
                new Sum("cases.requested", "cases.byUrgency."),
                new Sum("cases.requested", "cases.byParties."),
                new Sum("cases.accepted", "cases.mediatedBy."),
                new Sum("cases.closed", "cases.closedBy."),
                new Sum("cases.followUps.recorded", "cases.followUps."));
    }
}
