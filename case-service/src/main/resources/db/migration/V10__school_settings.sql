-- A school's own case settings; a school without a row follows the service's defaults.
create table school_settings (
    school_id                    text primary key,
    mediators_per_case           integer not null check (mediators_per_case between 1 and 2),
    guardian_consent_below_grade integer check (guardian_consent_below_grade between 2 and 12),
    follow_up_days               integer not null check (follow_up_days between 1 and 365),
    retention_days               integer not null check (retention_days between 1 and 3650),
    time_zone                    text    not null,
    version                      bigint  not null,
    updated_at                   timestamptz not null,
    updated_by                   text    not null
);
