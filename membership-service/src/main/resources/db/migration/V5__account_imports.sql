-- Imports of a school's list of accounts run in the background (issue 13): the request stores the list and its
-- plan and answers 202; a worker carries it out and keeps its progress here, so an import survives a restart of
-- the service (an interrupted one is taken up again and finished: doing a row twice changes nothing).
create table account_import
(
    id           text primary key,
    school_id    text                     not null references school (id),
    requested_by text                     not null,
    status       text                     not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- The rows of the file as read (names, e-mail addresses): kept only until the import has ended.
    lines        jsonb,
    -- What the import does (created, changed, disabled, unchanged), decided when it was accepted.
    plan         jsonb                    not null,
    total        integer                  not null,
    processed    integer                  not null default 0,
    -- Rows that could not be done after all (field and message key), once the import has ended.
    refused      jsonb,
    failure      text,
    -- The worker carrying it out, and when it last said so: a running import whose worker is silent is taken over.
    worker       text,
    heartbeat_at timestamp with time zone,
    created_at   timestamp with time zone not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone
);
create index account_import_open on account_import (created_at) where status in ('QUEUED', 'RUNNING');
create index account_import_school on account_import (school_id, created_at);
