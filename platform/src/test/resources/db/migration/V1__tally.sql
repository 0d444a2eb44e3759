-- Test-only: one row per applied event, deliberately not idempotent by itself.
create table tally
(
    id         bigserial primary key,
    event_id   uuid not null,
    event_type text not null
);
