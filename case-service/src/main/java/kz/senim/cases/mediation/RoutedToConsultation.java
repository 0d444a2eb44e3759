package kz.senim.cases.mediation;

/**
 * In-process only: triage routed a mediation request to a consultation, which continues it for its
 * submitter in the same transaction ({@code Consultations} listens). Never externalized (it is no
 * {@code SenimEvent}: it carries the request's text), so it is not in {@code contracts/}.
 *
 * @param submittedBy who asked for mediation and now asks for a consultation
 * @param description the request's text, which becomes the consultation's question
 * @param coordinatorId the coordinator who triaged, for the audit trail
 */
public record RoutedToConsultation(String schoolId, String submittedBy, String description, String coordinatorId) {}
