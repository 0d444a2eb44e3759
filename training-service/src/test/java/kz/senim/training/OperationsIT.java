package kz.senim.training;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceOperationsContract;

@SenimIntegrationTest
class OperationsIT extends ServiceOperationsContract {

    OperationsIT() {
        super("information_material");
    }
}
