package kz.senim.portal.cases;

import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.cases.CaseAction.Triaging;

/** Sends what a coordinator decides about a request: triage, or an escalation. */
final class TriageActions {

    private final GatewayApi api;

    TriageActions(GatewayApi api) {
        this.api = api;
    }

    void send(String id, Triaging action) {
        switch (action) {
            case Triaging.Triage triage -> api.post("/api/cases/{id}/triage", triage, id);
            case Triaging.Escalate escalate -> api.post("/api/cases/{id}/escalation", escalate, id);
        }
    }
}
