-- Idempotency-Key moves onto the platform's idempotent_request (platform migration V0_3,
-- kz.senim.platform.web.IdempotentRequests), keyed by caller and "<kind>/<key>" (decision 70).
-- A case's key was stored as the client sent it (client keys hold no '/'), a consultation's already
-- as "consultation/<key>" (decision 51); a caller belongs to one school, so school_id is not needed.
insert into idempotent_request (caller_id, idempotency_key, resource_id, created_at)
select user_id,
       case when key like 'consultation/%' then key else 'case/' || key end,
       resource_id::text,
       created_at
from idempotency_key
on conflict (caller_id, idempotency_key) do nothing;

drop table idempotency_key;
