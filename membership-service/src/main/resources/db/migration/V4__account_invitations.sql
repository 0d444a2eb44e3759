-- Invitations by e-mail (issue 13): when Keycloak last sent one and until when its link works. The link itself
-- is Keycloak's and is never seen or kept by Senim.
alter table account
    add column invited_at            timestamp with time zone,
    add column invitation_expires_at timestamp with time zone;
