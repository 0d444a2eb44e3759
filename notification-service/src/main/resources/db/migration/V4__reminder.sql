-- Reminders before sessions and activities, one row per (subject, lead time). Rows survive a
-- restart; a reminder is claimed with FOR UPDATE SKIP LOCKED and marked SENT in the same
-- transaction that stores its notifications, so two instances never fire it twice.
create table reminder
(
    id           uuid primary key,
    school_id    text                     not null,
    kind         text                     not null check (kind in ('SESSION', 'ACTIVITY')),
    subject_id   uuid                     not null,
    case_id      uuid,
    starts_at    timestamp with time zone not null,
    lead_seconds bigint                   not null,
    due_at       timestamp with time zone not null,
    status       text                     not null check (status in ('PENDING', 'SENT', 'CANCELLED')),
    fired_at     timestamp with time zone,
    constraint reminder_once unique (kind, subject_id, lead_seconds)
);
create index reminder_due on reminder (due_at) where status = 'PENDING';
