package kz.senim.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A school's hand-made event sequence, in the words of the events (docs/events.md). */
public final class SchoolEvents {

    public final String school;
    public final List<Events.Record> records = new ArrayList<>();

    public SchoolEvents(String school) {
        this.school = school;
    }

    public static String newSchool(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public SchoolEvents add(String type, UUID subject, String at, String fields) {
        records.add(Events.event(type, subject == null ? school : subject.toString(), school, at, fields));
        return this;
    }

    public SchoolEvents registered(String zone, String at) {
        return add(
                "kz.senim.membership.school-registered.v1",
                null,
                at,
                "\"timeZone\":\"" + zone + "\",\"defaultLanguage\":\"kk\"");
    }

    /** A request between two students (none named for the trust box). */
    public SchoolEvents request(UUID caseId, String at, String channel, String urgency) {
        return "TRUST_BOX".equals(channel)
                ? request(caseId, at, channel, urgency, 0, 0, 0, 0)
                : request(caseId, at, channel, urgency, 2, 0, 0, 0);
    }

    /** A request with its parties by kind (who the conflict is between). */
    public SchoolEvents request(
            UUID caseId,
            String at,
            String channel,
            String urgency,
            int students,
            int teachers,
            int parents,
            int otherAdults) {
        int adults = teachers + parents + otherAdults;
        return add(
                "kz.senim.cases.request-submitted.v1",
                caseId,
                at,
                "\"caseId\":\"" + caseId + "\",\"kind\":\"MEDIATION\",\"channel\":\"" + channel + "\",\"urgency\":\""
                        + urgency + "\",\"partyCount\":" + (students + adults) + ",\"adultParty\":" + (adults > 0)
                        + ",\"studentParties\":" + students + ",\"teacherParties\":" + teachers
                        + ",\"parentParties\":" + parents + ",\"otherAdultParties\":" + otherAdults);
    }

    public SchoolEvents registered(String zone, int yearStartMonth, String at) {
        return add(
                "kz.senim.membership.school-registered.v1",
                null,
                at,
                "\"timeZone\":\"" + zone + "\",\"defaultLanguage\":\"kk\",\"yearStartMonth\":" + yearStartMonth);
    }

    public SchoolEvents planItemCreated(UUID itemId, String schoolYear, String status, int completion, String at) {
        return add(
                "kz.senim.training.plan-item-created.v1",
                itemId,
                at,
                "\"planItemId\":\"" + itemId + "\",\"schoolYear\":\"" + schoolYear
                        + "\",\"month\":\"2026-10\",\"status\":\"" + status + "\",\"completionPercentage\":"
                        + completion);
    }

    /** Attendance of an activity, with the distinct students and people training-service counted for the year. */
    public SchoolEvents attendance(
            UUID activityId, String type, String at, int present, String schoolYear, int students, int people) {
        return add(
                "kz.senim.training.attendance-recorded.v1",
                activityId,
                at,
                "\"activityId\":\"" + activityId + "\",\"activityType\":\"" + type + "\",\"presentCount\":" + present
                        + ",\"absentCount\":0,\"excusedCount\":0,\"headCount\":null,\"schoolYear\":\"" + schoolYear
                        + "\",\"studentsReachedInSchoolYear\":" + students + ",\"peopleReachedInSchoolYear\":"
                        + people);
    }

    public SchoolEvents triaged(UUID caseId, String at, String decision, String mediatedBy) {
        return add(
                "kz.senim.cases.request-triaged.v1",
                caseId,
                at,
                "\"caseId\":\"" + caseId + "\",\"decision\":\"" + decision + "\",\"mediatedBy\":"
                        + (mediatedBy == null ? "null" : "\"" + mediatedBy + "\"") + ",\"status\":\"TRIAGED\"");
    }

    public SchoolEvents escalated(UUID caseId, String at) {
        return add("kz.senim.cases.request-escalated.v1", caseId, at, "\"caseId\":\"" + caseId + "\"");
    }

    public SchoolEvents agreement(UUID caseId, String at) {
        return add(
                "kz.senim.cases.agreement-signed-by-all.v1",
                caseId,
                at,
                "\"caseId\":\"" + caseId + "\",\"commitmentCount\":2,\"followUpDate\":\"2026-12-20\"");
    }

    public SchoolEvents followUp(UUID caseId, String at, String result) {
        return add(
                "kz.senim.cases.follow-up-recorded.v1",
                caseId,
                at,
                "\"caseId\":\"" + caseId + "\",\"result\":\"" + result + "\"");
    }

    public SchoolEvents closed(UUID caseId, String at, String status, String outcome, String submitterId) {
        return add(
                "kz.senim.cases.case-closed.v1",
                caseId,
                at,
                "\"caseId\":\"" + caseId + "\",\"status\":\"" + status + "\",\"outcome\":\"" + outcome
                        + "\",\"submitterId\":" + (submitterId == null ? "null" : "\"" + submitterId + "\""));
    }

    public SchoolEvents trustBoxMessage(UUID threadId, String at, boolean first) {
        return add(
                "kz.senim.cases.trust-box-message-received.v1",
                threadId,
                at,
                "\"threadId\":\"" + threadId + "\",\"firstMessage\":" + first);
    }

    public SchoolEvents trustBoxAnswer(UUID threadId, String at) {
        return add("kz.senim.cases.trust-box-message-answered.v1", threadId, at, "\"threadId\":\"" + threadId + "\"");
    }

    public SchoolEvents safetyConcern(UUID threadId, String at) {
        return add(
                "kz.senim.cases.trust-box-safety-concern-flagged.v1",
                threadId,
                at,
                "\"threadId\":\"" + threadId + "\"");
    }

    public SchoolEvents member(String what, String userId, String schoolYear, String status, String at) {
        return add(
                "kz.senim.membership.member-" + what + ".v1",
                null,
                at,
                "\"userId\":\"" + userId + "\",\"schoolYear\":\"" + schoolYear + "\",\"status\":\"" + status + "\"");
    }

    public SchoolEvents activityCompleted(
            UUID activityId, String type, String startsAt, int present, int participants) {
        return add(
                "kz.senim.training.activity-completed.v1",
                activityId,
                startsAt.replace("T09", "T11"),
                "\"activityId\":\"" + activityId + "\",\"seriesId\":null,\"activityType\":\"" + type
                        + "\",\"startsAt\":\""
                        + startsAt + "\",\"registeredCount\":" + present + ",\"presentCount\":" + present
                        + ",\"absentCount\":0,\"excusedCount\":0,\"headCount\":"
                        + (participants - present == 0 ? "null" : participants - present)
                        + ",\"participantCount\":" + participants);
    }

    public SchoolEvents planItem(UUID itemId, String schoolYear, String from, String to, int completion, String at) {
        return add(
                "kz.senim.training.plan-item-status-changed.v1",
                itemId,
                at,
                "\"planItemId\":\"" + itemId + "\",\"schoolYear\":\"" + schoolYear
                        + "\",\"month\":\"2026-10\",\"previousStatus\":\"" + from + "\",\"status\":\"" + to
                        + "\",\"completionPercentage\":" + completion);
    }
}
