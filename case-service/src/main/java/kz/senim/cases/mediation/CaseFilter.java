package kz.senim.cases.mediation;

import kz.senim.cases.mediation.domain.MediationStatus;
import org.jspecify.annotations.Nullable;

/** Filters of the list of cases: a status, a mediator; null filters nothing out. */
public record CaseFilter(
        @Nullable MediationStatus status, @Nullable String mediatorId) {}
