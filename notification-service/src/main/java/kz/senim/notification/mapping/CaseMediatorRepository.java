package kz.senim.notification.mapping;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who mediates a case, from case-service's mediator-assigned/-unassigned events. */
@Repository
class CaseMediatorRepository {

    private final JdbcClient jdbc;

    CaseMediatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void assign(UUID caseId, String mediatorId) {
        jdbc.sql("insert into case_mediator (case_id, mediator_id) values (:case, :mediator) on conflict do nothing")
                .param("case", caseId)
                .param("mediator", mediatorId)
                .update();
    }

    void unassign(UUID caseId, String mediatorId) {
        jdbc.sql("delete from case_mediator where case_id = :case and mediator_id = :mediator")
                .param("case", caseId)
                .param("mediator", mediatorId)
                .update();
    }

    List<String> mediatorsOf(UUID caseId) {
        return jdbc.sql("select mediator_id from case_mediator where case_id = :case order by mediator_id")
                .param("case", caseId)
                .query(String.class)
                .list();
    }
}
