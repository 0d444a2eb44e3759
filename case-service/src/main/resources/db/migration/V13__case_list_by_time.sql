-- Issue 19, district-scale lists (decision 148): a coordinator's list of every case of the school, newest
-- first, read the school's whole history and sorted it for each page; this index gives the page in order.
-- (The lists filtered by status keep mediation_case_by_school_status_idx.)
create index mediation_case_by_school_time_idx on mediation_case (school_id, submitted_at desc, id);
