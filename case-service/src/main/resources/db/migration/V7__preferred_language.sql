-- The language (kk, ru, en) the submitter prefers for the mediation; null when not given.
alter table mediation_case add column preferred_language text;
