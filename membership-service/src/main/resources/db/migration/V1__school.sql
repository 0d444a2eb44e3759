-- Schools (tenants). The id is the slug users carry as their school_id claim.
create table school
(
    id               text primary key,
    name_kk          text                     not null,
    name_ru          text                     not null,
    name_en          text                     not null,
    city             text                     not null,
    region           text                     not null,
    time_zone        text                     not null default 'Asia/Almaty',
    default_language text                     not null default 'kk' check (default_language in ('kk', 'ru', 'en')),
    registered_at    timestamp with time zone not null,
    version          bigint                   not null default 0
);
