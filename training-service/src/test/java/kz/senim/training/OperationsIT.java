package kz.senim.training;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceOperationsContract;

@SenimIntegrationTest
class OperationsIT extends ServiceOperationsContract {

    OperationsIT() {
        super(
                "information_material",
                "activity",
                "registration",
                "attendance",
                "person",
                "member",
                "curriculum",
                "qualification",
                "calendar_feed",
                "material_file",
                "plan_item",
                "plan_item_activity");
    }
}
