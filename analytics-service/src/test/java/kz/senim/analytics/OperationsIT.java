package kz.senim.analytics;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceOperationsContract;

@SenimIntegrationTest
class OperationsIT extends ServiceOperationsContract {

    OperationsIT() {
        super("fact", "store_generation");
    }
}
