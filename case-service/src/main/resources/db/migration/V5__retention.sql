-- Retention (DOMAIN.md §3, confidentiality): a closed case's confidential text is purged after the
-- retention period unless a legal hold stops it; statuses, counts and dates stay for statistics.
alter table mediation_case alter column description drop not null;
alter table mediation_case add column legal_hold boolean not null default false;
alter table mediation_case add column purged_at timestamptz;
create index mediation_case_retention_idx on mediation_case (closed_at) where purged_at is null;
