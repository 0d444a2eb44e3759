-- Mediation cases (DOMAIN.md §4). What lists and filters need is in columns; the case's inner
-- structure (parties, team, consents, sessions, agreement) is a JSON document per column.
-- Every confidential text, in a column or inside a document, is AES-GCM sealed by the service
-- ("senim:v1:<key id>:<base64>"): the database never holds it in clear.
create table mediation_case
(
    id                  uuid primary key,
    school_id           text        not null,
    kind                text        not null,
    channel             text        not null,
    urgency             text        not null,
    status              text        not null,
    submitted_by        text        not null,
    submitted_at        timestamptz not null,
    -- confidential (sealed)
    description         text        not null,
    triage_decision     text,
    -- confidential (sealed)
    triage_reason       text,
    mediated_by         text,
    escalated           boolean     not null default false,
    party_user_ids      text[]      not null,
    mediator_ids        text[]      not null default '{}',
    parties             jsonb       not null,
    mediators           jsonb       not null,
    objected_mediators  text[]      not null default '{}',
    conflicted_mediators text[]     not null default '{}',
    consents            jsonb       not null,
    sessions            jsonb       not null,
    agreement           jsonb,
    settings            jsonb       not null,
    follow_up_date      date,
    follow_up_result    text,
    outcome             text,
    closed_at           timestamptz,
    version             bigint      not null
);
create index mediation_case_by_school_status_idx on mediation_case (school_id, status, submitted_at desc);
create index mediation_case_party_idx on mediation_case using gin (party_user_ids);
create index mediation_case_mediator_idx on mediation_case using gin (mediator_ids);
create index mediation_case_submitter_idx on mediation_case (school_id, submitted_by);

-- A phone that retries a creating POST with the same Idempotency-Key gets the first answer back.
create table idempotency_key
(
    school_id   text        not null,
    user_id     text        not null,
    key         text        not null,
    resource_id uuid        not null,
    created_at  timestamptz not null,
    primary key (school_id, user_id, key)
);
