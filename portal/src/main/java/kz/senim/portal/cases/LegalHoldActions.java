package kz.senim.portal.cases;

import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.cases.CaseAction.Holding;

/** Places and releases a legal hold. */
final class LegalHoldActions {

    private final GatewayApi api;

    LegalHoldActions(GatewayApi api) {
        this.api = api;
    }

    void send(String id, Holding action) {
        switch (action) {
            case Holding.Place place -> api.post("/api/cases/{id}/legal-hold", null, id);
            case Holding.Release release -> api.delete("/api/cases/{id}/legal-hold", id);
        }
    }
}
