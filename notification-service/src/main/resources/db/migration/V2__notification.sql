-- Every notification is stored before it is sent. One row per (source event, recipient, channel):
-- a redelivered event finds its rows and creates nothing twice. Parameters hold ids for the
-- portal link only, never confidential text.
create table notification
(
    id              uuid primary key,
    source_event_id uuid                     not null,
    recipient_id    text                     not null,
    school_id       text                     not null,
    channel         text                     not null check (channel in ('EMAIL', 'IN_APP')),
    category        text                     not null,
    template_key    text                     not null,
    parameters      jsonb                    not null,
    language        text                     not null check (language in ('kk', 'ru', 'en')),
    essential       boolean                  not null,
    status          text                     not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer                  not null default 0,
    next_attempt_at timestamp with time zone,
    last_error      text,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    failed_at       timestamp with time zone,
    read_at         timestamp with time zone,
    constraint notification_once unique (source_event_id, recipient_id, channel)
);

create index notification_due on notification (next_attempt_at) where channel = 'EMAIL' and status = 'PENDING';
create index notification_inbox on notification (recipient_id, read_at, created_at) where channel = 'IN_APP';
create index notification_failed on notification (school_id, failed_at) where status = 'FAILED';

-- Read model of the school's people directory, from membership-service's person-* events.
create table person
(
    user_id     text primary key,
    school_id   text    not null,
    role        text    not null,
    grade       integer,
    language    text    not null,
    guardian_of text[]  not null
);
create index person_school_role on person (school_id, role);

-- Per-category e-mail preferences; a missing row means "send".
create table notification_preference
(
    user_id  text    not null,
    category text    not null,
    email    boolean not null,
    primary key (user_id, category)
);

-- Who mediates a case (from mediator-assigned/-unassigned), for follow-ups and sessions.
create table case_mediator
(
    case_id     uuid not null,
    mediator_id text not null,
    primary key (case_id, mediator_id)
);

-- Who is registered for an activity (from registration-changed), for cancellations.
create table activity_registration
(
    activity_id uuid not null,
    user_id     text not null,
    status      text not null,
    primary key (activity_id, user_id)
);
