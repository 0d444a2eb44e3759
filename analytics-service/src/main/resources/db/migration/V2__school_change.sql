-- Which schools' facts changed, per store generation: a version each, raised in the transaction that stores new
-- facts of the school. Reports keep each school's computed report while its version stays the same
-- (docs/analytics.md, "How fast"), on every instance alike.
create table school_change
(
    generation int    not null references store_generation (id) on delete cascade,
    school_id  text   not null,
    version    bigint not null,
    -- whether a school-registered of the school is among the facts (the schools of the district view)
    registered boolean not null default false,
    primary key (generation, school_id)
);
