-- Read model of the schools, from membership-service's SchoolRegistered events: what a
-- notification needs to be shown and mailed in the school's time zone and language.
create table school
(
    id               text primary key,
    time_zone        text                     not null,
    default_language text                     not null check (default_language in ('kk', 'ru', 'en')),
    registered_at    timestamp with time zone not null
);
