-- Activities of a school's club (DOMAIN.md §4), their registrations and attendance, the mediator
-- curriculum, and the read models fed by senim.membership.v1.

-- A school's time zone, from membership's school-registered events (Asia/Almaty until one arrives).
create table school
(
    id        text primary key,
    time_zone text not null
);

create table activity
(
    id                uuid primary key,
    school_id         text                     not null,
    -- Occurrences of one club-meeting series share it; each occurrence can be changed or cancelled alone.
    series_id         uuid,
    type              text                     not null check (type in ('CLUB_MEETING', 'TRAINING', 'MASTER_CLASS',
                                                                        'SIMULATION', 'PEER_LESSON', 'PARENT_SESSION',
                                                                        'TEACHER_SESSION', 'EXPERIENCE_EXCHANGE',
                                                                        'ADAPTATION_SUPPORT')),
    title             text                     not null,
    audience_groups   text[]                   not null,
    grade_from        int,
    grade_to          int,
    -- Keycloak subject ids of the coordinators and young mediators who run it.
    facilitators      text[]                   not null,
    starts_at         timestamp with time zone not null,
    ends_at           timestamp with time zone not null,
    time_zone         text                     not null,
    place             text                     not null,
    -- Null: no limit.
    capacity          int,
    language          text                     not null check (language in ('kk', 'ru', 'en')),
    open_registration boolean                  not null,
    modules           text[]                   not null,
    status            text                     not null check (status in ('SCHEDULED', 'COMPLETED', 'CANCELLED')),
    -- A whole class counted at a peer lesson instead of per person.
    head_count        int,
    created_by        text                     not null,
    created_at        timestamp with time zone not null,
    version           bigint                   not null default 0,
    check (ends_at > starts_at)
);
create index activity_by_school_and_time_idx on activity (school_id, starts_at);
create index activity_by_series_idx on activity (series_id);

create table registration
(
    activity_id   uuid                     not null references activity (id),
    user_id       text                     not null,
    status        text                     not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED')),
    registered_at timestamp with time zone not null,
    primary key (activity_id, user_id)
);

create table attendance
(
    activity_id uuid                     not null references activity (id),
    user_id     text                     not null,
    status      text                     not null check (status in ('PRESENT', 'ABSENT', 'EXCUSED')),
    recorded_by text                     not null,
    recorded_at timestamp with time zone not null,
    primary key (activity_id, user_id)
);
create index attendance_by_user_idx on attendance (user_id);

-- People of the school directory (no names): what audiences need.
create table person
(
    school_id text not null,
    user_id   text not null,
    role      text not null,
    grade     int,
    primary key (school_id, user_id)
);

-- Club members by school year, from membership's member-* events.
create table member
(
    school_id   text not null,
    user_id     text not null,
    school_year text not null,
    status      text not null check (status in ('TRAINEE', 'CERTIFIED', 'LEFT', 'ALUMNI')),
    primary key (school_id, user_id, school_year)
);

create table curriculum
(
    school_id            text primary key,
    required_modules     text[] not null,
    required_simulations int    not null check (required_simulations >= 0),
    version              bigint not null default 0
);

-- A trainee is qualified once per school year: the row is what makes trainee-qualified publish once.
create table qualification
(
    school_id            text                     not null,
    user_id              text                     not null,
    school_year          text                     not null,
    modules_completed    int                      not null,
    simulations_attended int                      not null,
    qualified_at         timestamp with time zone not null,
    primary key (school_id, user_id, school_year)
);

-- The unguessable tokens of iCalendar feeds; user_id null for a school's whole calendar.
create table calendar_feed
(
    token      text primary key,
    school_id  text                     not null,
    user_id    text,
    created_by text                     not null,
    created_at timestamp with time zone not null
);

-- (Idempotency-Key: the platform's idempotent_request table, migration V0_3.)
