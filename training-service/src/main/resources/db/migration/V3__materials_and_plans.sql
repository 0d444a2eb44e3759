-- Information materials get an audience of groups (and grades), a publication state, and optionally an
-- uploaded file; the annual plan of each school year, its items and the activities that carry them out.
alter table information_material
    add column audience_groups text[] not null default '{STUDENTS}',
    add column grade_from      int,
    add column grade_to        int,
    add column status          text   not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    add column published_at    timestamp with time zone;
comment on column information_material.audience is 'A short description of who it is for, shown to readers.';

-- The uploaded PDF or image of a material, byte for byte; apart from the material so lists stay light.
create table material_file
(
    material_id  uuid primary key references information_material (id),
    content_type text   not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes   int    not null,
    sha256       text   not null,
    content      bytea  not null
);

create table plan_item
(
    id              uuid primary key,
    school_id       text                     not null,
    school_year     text                     not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
    direction       text                     not null,
    description     text                     not null,
    -- The month of the school year it is planned for, e.g. 2026-10.
    month           text                     not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    -- Keycloak subject id.
    responsible     text                     not null,
    cancelled       boolean                  not null default false,
    -- What the coordinator reported, for an item without linked activities.
    reported_status text check (reported_status in ('PLANNED', 'DONE', 'PARTLY_DONE')),
    -- The last status published, so a change is published once.
    status          text                     not null default 'PLANNED',
    created_by      text                     not null,
    created_at      timestamp with time zone not null,
    version         bigint                   not null default 0
);
create index plan_item_by_school_year_idx on plan_item (school_id, school_year, month);

create table plan_item_activity
(
    plan_item_id uuid not null references plan_item (id),
    activity_id  uuid not null references activity (id),
    primary key (plan_item_id, activity_id)
);
create index plan_item_activity_by_activity_idx on plan_item_activity (activity_id);
