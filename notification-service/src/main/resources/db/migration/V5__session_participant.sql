-- The parties (with an account) taking part in a mediation session, from case-service's
-- session-scheduled event: told when it is scheduled or cancelled, and reminded before it.
-- User ids only.
create table session_participant
(
    session_id uuid not null,
    user_id    text not null,
    primary key (session_id, user_id)
);
