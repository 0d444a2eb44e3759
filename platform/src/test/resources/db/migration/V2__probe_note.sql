-- Test-only: what the probe service's creating POST creates.
create table probe_note
(
    id   text primary key,
    text text not null
);
