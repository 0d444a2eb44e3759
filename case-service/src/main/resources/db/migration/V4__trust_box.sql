-- The anonymous trust box (DOMAIN.md §4). Nothing here can identify the sender: no user, no IP
-- address, no user agent, no cookie or session; only the SHA-256 of the receipt code they were
-- shown once. Message text is AES-GCM sealed by the service.
create table trust_box_thread
(
    id           uuid primary key,
    school_id    text        not null,
    receipt_hash text        not null unique,
    opened_at    timestamptz not null,
    last_message_at timestamptz not null
);
create index trust_box_thread_by_school_idx on trust_box_thread (school_id, last_message_at desc);

create table trust_box_message
(
    id             uuid primary key,
    thread_id      uuid        not null references trust_box_thread (id),
    author         text        not null,
    -- the answering coordinator; null for the anonymous sender
    coordinator_id text,
    -- confidential (sealed)
    text           text        not null,
    written_at     timestamptz not null
);
create index trust_box_message_by_thread_idx on trust_box_message (thread_id, written_at);

-- Failed receipt look-ups per school and minute: guessing is throttled without knowing who guesses.
create table trust_box_failed_lookup
(
    school_id    text        not null,
    window_start timestamptz not null,
    failures     integer     not null,
    primary key (school_id, window_start)
);
