-- Opening an anonymous case from a trust-box conversation (DOMAIN.md §2, trust box): a coordinator
-- proposes it, the sender agrees or declines with their receipt, and only then is a case opened.
-- The case has no submitter: the sender stays anonymous.
alter table trust_box_thread
    add column case_proposal        text,
    add column case_proposed_by     text,
    add column case_proposed_at     timestamptz,
    add column case_answered_at     timestamptz,
    add column case_id              uuid;

alter table mediation_case alter column submitted_by drop not null;
