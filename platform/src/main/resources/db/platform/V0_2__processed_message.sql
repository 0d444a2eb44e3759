-- Consumer-side idempotency: a row per (consumer, CloudEvents id) applied, written in the same
-- transaction as the event's effect.
create table processed_message
(
    consumer     text                     not null,
    message_id   uuid                     not null,
    processed_at timestamp with time zone not null,
    primary key (consumer, message_id)
);
create index processed_message_by_processed_at_idx on processed_message (processed_at);
