-- Read models built from senim.membership.v1 (never written by case-service's own API):
-- the people of each school with grade and class (neutrality, guardian consent), and the club's
-- members by school year (only CERTIFIED members mediate). No names, no e-mail addresses.
create table person
(
    school_id    text        not null,
    user_id      text        not null,
    role         text        not null,
    grade        integer,
    class_letter text,
    guardian_of  text[]      not null default '{}',
    updated_at   timestamptz not null,
    primary key (school_id, user_id)
);

create table club_member
(
    school_id   text        not null,
    user_id     text        not null,
    school_year text        not null,
    status      text        not null,
    updated_at  timestamptz not null,
    primary key (school_id, user_id, school_year)
);
