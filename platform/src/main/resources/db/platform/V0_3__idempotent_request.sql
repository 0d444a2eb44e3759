-- Idempotency-Key of creating POSTs (kz.senim.platform.web.IdempotentRequests): which resource a
-- caller's key created, written in the creating transaction.
create table if not exists idempotent_request
(
    caller_id       text                     not null,
    idempotency_key text                     not null,
    resource_id     text                     not null,
    created_at      timestamp with time zone not null default now(),
    primary key (caller_id, idempotency_key)
);
