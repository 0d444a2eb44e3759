package kz.senim.membership;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceOperationsContract;

@SenimIntegrationTest
class OperationsIT extends ServiceOperationsContract {

    OperationsIT() {
        super("school", "person", "guardian_link", "club", "roster", "member", "application", "idempotent_request");
    }
}
