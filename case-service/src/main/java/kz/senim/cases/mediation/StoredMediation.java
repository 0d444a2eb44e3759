package kz.senim.cases.mediation;

import kz.senim.cases.mediation.domain.Mediation;

/** A case as stored, with the version its ETag is made of. */
public record StoredMediation(Mediation mediation, long version) {}
