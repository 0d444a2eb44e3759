package kz.senim.cases;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceOperationsContract;

@SenimIntegrationTest
class OperationsIT extends ServiceOperationsContract {

    OperationsIT() {
        super(
                "audit_entry",
                "person",
                "club_member",
                "mediation_case",
                "idempotent_request",
                "trust_box_thread",
                "trust_box_message",
                "trust_box_failed_lookup",
                "consultation");
    }
}
