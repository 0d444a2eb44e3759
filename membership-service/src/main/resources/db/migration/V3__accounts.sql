-- Accounts Senim creates in Keycloak for the people of a school's directory (issue 13).
-- A person is matched by the school's own id for them (external_id: a pupil number, never a national id).
alter table person add column external_id text;
create unique index person_external_id on person (school_id, external_id) where external_id is not null;

-- One row per person who has (or is getting) an account. The row and its username are written before Keycloak
-- is asked, so an attempt cut short is finished by the next one instead of making a second account.
create table account
(
    school_id   text                     not null references school (id),
    external_id text                     not null,
    username    text                     not null unique,
    user_id     text unique,
    role        text                     not null check (role in ('STUDENT', 'TEACHER', 'PARENT', 'COORDINATOR', 'ADMIN')),
    status      text                     not null check (status in ('PENDING', 'ACTIVE', 'DISABLED')),
    -- People with an e-mail address are invited by e-mail; the others get a first-login code.
    has_email   boolean                  not null default false,
    created_at  timestamp with time zone not null,
    primary key (school_id, external_id)
);

-- What the district allows a school's admins to do with accounts.
create table school_onboarding
(
    school_id                       text primary key references school (id),
    school_admins_grant_coordinator boolean not null default false
);
