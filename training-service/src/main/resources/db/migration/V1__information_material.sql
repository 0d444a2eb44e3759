-- Information materials of a school's club (DOMAIN.md §4): booklets, memos and posters, often made
-- by the young mediators themselves. Only the table for now; the API that manages it comes with
-- its own issue.
create table information_material
(
    id         uuid primary key,
    school_id  text                     not null,
    kind       text                     not null check (kind in ('BOOKLET', 'MEMO', 'POSTER')),
    title      text                     not null,
    language   text                     not null check (language in ('kk', 'ru', 'en')),
    -- Who it is for, e.g. students of grades 1-4, parents, teachers.
    audience   text                     not null,
    -- Where the material can be read or downloaded; optional, e.g. for a poster that exists only on paper.
    link       text,
    created_at timestamp with time zone not null,
    -- Keycloak subject id.
    created_by text                     not null,
    version    bigint                   not null default 0
);
create index information_material_by_school_idx on information_material (school_id);
