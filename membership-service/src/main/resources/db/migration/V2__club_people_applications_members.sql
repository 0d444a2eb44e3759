-- The month a school year starts (a school setting; September by default).
alter table school
    add column year_start_month int not null default 9 check (year_start_month between 1 and 12);

-- People directory: who is who in a school. Names live here (and in Keycloak) only, never in events.
create table person
(
    school_id     text                     not null references school (id),
    user_id       text                     not null,
    role          text                     not null check (role in ('STUDENT', 'TEACHER', 'PARENT', 'COORDINATOR', 'ADMIN')),
    grade         int check (grade between 1 and 11),
    class_letter  text,
    language      text                     not null check (language in ('kk', 'ru', 'en')),
    given_name    text                     not null,
    family_name   text                     not null,
    registered_at timestamp with time zone not null,
    version       bigint                   not null default 0,
    primary key (school_id, user_id)
);

create table guardian_link
(
    school_id   text not null,
    guardian_id text not null,
    student_id  text not null,
    primary key (school_id, guardian_id, student_id),
    foreign key (school_id, guardian_id) references person (school_id, user_id) on delete cascade,
    foreign key (school_id, student_id) references person (school_id, user_id) on delete cascade
);

-- Club profile of a school: the texts as JSON, the settings the rules need as columns.
create table club
(
    school_id            text primary key references school (id),
    profile              jsonb  not null,
    admission_grade_from int    not null,
    admission_grade_to   int    not null,
    capacity             int    not null,
    version              bigint not null default 0
);

-- The school years a club's roster has had; the latest is the current one.
create table roster
(
    school_id   text                     not null references school (id),
    school_year text                     not null,
    opened_at   timestamp with time zone not null,
    primary key (school_id, school_year)
);

create table member
(
    school_id          text                     not null,
    school_year        text                     not null,
    user_id            text                     not null,
    status             text                     not null check (status in ('TRAINEE', 'CERTIFIED', 'LEFT', 'ALUMNI')),
    admitted_at        timestamp with time zone not null,
    certified_at       timestamp with time zone,
    certification_note text,
    left_at            timestamp with time zone,
    version            bigint                   not null default 0,
    primary key (school_id, school_year, user_id),
    foreign key (school_id, school_year) references roster (school_id, school_year)
);

create table application
(
    id              uuid primary key,
    school_id       text                     not null references school (id),
    applicant_id    text                     not null,
    school_year     text                     not null,
    grade           int                      not null,
    motivation      text                     not null,
    availability    text                     not null,
    status          text                     not null,
    interview_at    timestamp with time zone,
    interview_place text,
    interviewer_id  text,
    decision_reason text,
    submitted_at    timestamp with time zone not null,
    version         bigint                   not null default 0
);
create index application_by_school_idx on application (school_id, submitted_at);
-- One open application per student at a time.
create unique index application_one_open_idx on application (school_id, applicant_id)
    where status in ('SUBMITTED', 'INTERVIEW_SCHEDULED', 'WAITLISTED');

-- (Idempotency-Key: the platform's idempotent_request table, migration V0_3.)
