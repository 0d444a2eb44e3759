-- The schools membership-service registered (school-registered), so that the anonymous trust box answers
-- 404 for a school that does not exist, as the club page does. Schools whose people are already known
-- (databases migrated before this table) are known too.
create table school
(
    id            text        primary key,
    registered_at timestamptz not null
);

insert into school (id, registered_at)
select school_id, min(updated_at) from person group by school_id
on conflict do nothing;
