-- The audit trail (DOMAIN.md §4): one row for every change of a case and every read of confidential
-- content. Append-only. It names who did what to which object, never the content itself, so that
-- the trail can be read by auditors without widening who sees confidential text.
create table audit_entry
(
    id           uuid primary key,
    school_id    text                     not null,
    occurred_at  timestamp with time zone not null,
    -- Keycloak subject id; null for the anonymous trust box.
    actor_id     text,
    action       text                     not null,
    subject_type text                     not null,
    subject_id   text                     not null
);
create index audit_entry_by_subject_idx on audit_entry (school_id, subject_type, subject_id);
create index audit_entry_by_occurred_at_idx on audit_entry (occurred_at);
