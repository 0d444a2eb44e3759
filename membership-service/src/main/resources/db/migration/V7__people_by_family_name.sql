-- Issue 19, district-scale lists (decision 148): the people directory's default order (family name, then
-- user id) read and sorted every person of the school for each page; this index gives the page in order.
create index person_by_family_name_idx on person (school_id, family_name, user_id);
