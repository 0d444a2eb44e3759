package kz.senim.portal.cases;

import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.cases.CaseAction.Agreeing;

/** Sends what concerns the agreement and the end of a case. */
final class AgreementActions {

    private final GatewayApi api;

    AgreementActions(GatewayApi api) {
        this.api = api;
    }

    void send(String id, Agreeing action) {
        switch (action) {
            case Agreeing.Write write -> api.putIfMatch("/api/cases/{id}/agreement", write, write.etag(), id);
            case Agreeing.Sign sign -> api.post("/api/cases/{id}/agreement/signatures", null, id);
            case Agreeing.RecordNoAgreement none -> api.post("/api/cases/{id}/no-agreement", null, id);
            case Agreeing.RecordFollowUp followUp -> api.post("/api/cases/{id}/follow-up", followUp, id);
            case Agreeing.Reopen reopen -> api.post("/api/cases/{id}/reopening", null, id);
            case Agreeing.Close close -> api.post("/api/cases/{id}/closure", null, id);
        }
    }
}
