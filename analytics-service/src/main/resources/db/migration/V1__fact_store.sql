-- The analytics store: one row per event (fact), in a store generation. Indicators are computed by
-- query from the facts, never kept as running counters, so redelivery (same ce_id), arrival order and
-- a replay give the same numbers. Facts keep no personal data: no user ids, names or text — only
-- ids of cases/threads/activities/plan items/materials/consultations, the school, kinds, statuses,
-- times and counts (docs/analytics.md).

-- A generation is one complete reading of the topics by its own consumer group. A rebuild reads
-- everything again from the earliest offsets into a new generation and, once it has caught up,
-- makes it the live one (docs/analytics.md, "Rebuild").
create table store_generation
(
    id           int                      not null primary key,
    status       text                     not null check (status in ('BUILDING', 'LIVE', 'RETIRED')),
    requested_at timestamp with time zone not null default now(),
    live_since   timestamp with time zone,
    retired_at   timestamp with time zone
);
create unique index store_generation_one_live on store_generation (status) where status = 'LIVE';
create unique index store_generation_one_building on store_generation (status) where status = 'BUILDING';
insert into store_generation (id, status, live_since) values (1, 'LIVE', now());

create table fact
(
    generation  int                      not null references store_generation (id) on delete cascade,
    -- the event's ce_id: an event is a fact once per generation
    event_id    uuid                     not null,
    event_type  text                     not null,
    school_id   text                     not null,
    occurred_at timestamp with time zone not null,
    -- the aggregate the event is about (case, thread, activity, plan item, material, consultation), if any
    subject_id  uuid,
    -- only the whitelisted fields of the type (kinds, statuses, counts, dates), as strings
    attributes  jsonb                    not null default '{}',
    primary key (generation, event_id)
);
create index fact_by_school on fact (generation, school_id, event_type);
