package kz.senim.portal.cases;

import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.cases.CaseAction.Staffing;

/** Sends what changes who mediates a case. */
final class TeamActions {

    private final GatewayApi api;

    TeamActions(GatewayApi api) {
        this.api = api;
    }

    void send(String id, Staffing action) {
        switch (action) {
            case Staffing.Assign assign -> api.post("/api/cases/{id}/mediators", assign, id);
            case Staffing.Unassign unassign -> api.delete("/api/cases/{id}/mediators/{userId}", id, unassign.userId());
            case Staffing.ObjectTo objection -> api.post("/api/cases/{id}/objections", objection, id);
            case Staffing.DeclareConflictOfInterest declared ->
                api.post("/api/cases/{id}/conflict-of-interest", null, id);
        }
    }
}
