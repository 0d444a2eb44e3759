package kz.senim.portal.cases;

import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.cases.CaseAction.Involving;

/** Sends what concerns the parties: who a named person is, consent, a withdrawal. */
final class PartyActions {

    private final GatewayApi api;

    PartyActions(GatewayApi api) {
        this.api = api;
    }

    void send(String id, Involving action) {
        switch (action) {
            case Involving.Identify identify ->
                api.post("/api/cases/{id}/parties/{partyId}/identification", identify, id, identify.partyId());
            case Involving.AskForConsent asked -> api.post("/api/cases/{id}/consent-request", null, id);
            case Involving.Consent consent -> api.post("/api/cases/{id}/consents", consent, id);
            case Involving.Withdraw withdraw ->
                api.post("/api/cases/{id}/withdrawal", withdraw.withNote() ? withdraw : null, id);
        }
    }
}
