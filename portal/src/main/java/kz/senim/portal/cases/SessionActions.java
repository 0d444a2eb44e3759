package kz.senim.portal.cases;

import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.cases.CaseAction.Meeting;

/** Sends what concerns the sessions of a case. */
final class SessionActions {

    private final GatewayApi api;

    SessionActions(GatewayApi api) {
        this.api = api;
    }

    void send(String id, Meeting action) {
        switch (action) {
            case Meeting.Schedule schedule -> api.post("/api/cases/{id}/sessions", schedule, id);
            case Meeting.Cancel cancel ->
                api.post("/api/cases/{id}/sessions/{sid}/cancellation", null, id, cancel.sessionId());
            case Meeting.WriteNotes notes ->
                api.putIfMatch("/api/cases/{id}/sessions/{sid}/notes", notes, notes.etag(), id, notes.sessionId());
        }
    }
}
