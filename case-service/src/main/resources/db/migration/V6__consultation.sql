-- Consultations and questions (DOMAIN.md §4 kinds CONSULTATION and QUESTION). The question and the
-- answer (or the notes of a consultation meeting) are AES-GCM sealed by the service.
create table consultation
(
    id          uuid primary key,
    school_id   text        not null,
    kind        text        not null,
    asked_by    text        not null,
    asked_at    timestamptz not null,
    question    text,
    status      text        not null,
    advisor_id  text,
    peer_advice boolean     not null default false,
    answer      text,
    meeting_at  timestamptz,
    answered_at timestamptz,
    closed_at   timestamptz,
    version     bigint      not null
);
create index consultation_by_school_idx on consultation (school_id, status, asked_at desc);
