-- A coordinator's flag that a trust-box sender may be unsafe: who flagged and when, no text and
-- nothing about the sender.
create table trust_box_safety_concern
(
    id             uuid primary key,
    thread_id      uuid        not null references trust_box_thread (id),
    coordinator_id text        not null,
    flagged_at     timestamptz not null
);
create index trust_box_safety_concern_by_thread_idx on trust_box_safety_concern (thread_id, flagged_at);
