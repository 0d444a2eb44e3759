-- Test-only: an aggregate whose version orders the transactions that change it.
create table counter
(
    id      text primary key,
    version bigint not null default 0
);
