package kz.senim.cases.mediation;

import kz.senim.cases.mediation.domain.SchoolSettings;

/** A school's case settings and their version (the ETag). */
public record VersionedSettings(SchoolSettings settings, long version) {}
