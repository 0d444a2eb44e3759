package kz.senim.membership.accounts;

/**
 * An account's invitation is to be e-mailed: published in the transaction that asks for it and sent from the
 * outbox (so a 2xx holds even while Keycloak or SMTP is down). Only the user id: no name, address or link.
 */
record InvitationDue(String userId) {}
