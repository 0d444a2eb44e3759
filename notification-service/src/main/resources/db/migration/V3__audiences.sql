-- Club members (young mediators) per school, from membership's member-* events: the MEDIATORS audience.
create table club_member
(
    user_id   text primary key,
    school_id text not null
);

-- Activities as their cancellation needs them: who they were meant for.
create table activity
(
    activity_id     uuid primary key,
    school_id       text                     not null,
    audience_groups text[]                   not null,
    grade_from      integer,
    grade_to        integer,
    facilitator_ids text[]                   not null,
    starts_at       timestamp with time zone not null
);
