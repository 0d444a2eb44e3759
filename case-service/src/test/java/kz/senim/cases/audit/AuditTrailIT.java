package kz.senim.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import kz.senim.cases.audit.domain.AuditEntry;
import kz.senim.cases.audit.domain.AuditEntry.Action;
import kz.senim.test.SenimIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail keeps who read or changed what, and nothing of the content itself. */
@SenimIntegrationTest
class AuditTrailIT {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_read_of_confidential_content_is_kept_with_its_reader() {
        String caseId = UUID.randomUUID().toString();
        String coordinator = UUID.randomUUID().toString();

        AuditEntry appended = trail.append("demo-gymnasium-1", coordinator, Action.READ_CONFIDENTIAL, "CASE", caseId);

        assertThat(trail.about("demo-gymnasium-1", "CASE", caseId)).containsExactly(appended);
        assertThat(appended.actor()).contains(coordinator);
    }

    @Test
    void an_anonymous_trust_box_change_is_kept_without_an_actor() {
        String threadId = UUID.randomUUID().toString();

        trail.append("demo-gymnasium-1", null, Action.CHANGE, "TRUST_BOX_THREAD", threadId);

        assertThat(trail.about("demo-gymnasium-1", "TRUST_BOX_THREAD", threadId))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.isAnonymous()).isTrue();
                    assertThat(entry.action()).isEqualTo(Action.CHANGE);
                });
    }

    @Test
    void entries_of_one_school_are_not_listed_for_another() {
        String caseId = UUID.randomUUID().toString();
        trail.append("demo-gymnasium-1", UUID.randomUUID().toString(), Action.CHANGE, "CASE", caseId);

        assertThat(trail.about("demo-school-2", "CASE", caseId)).isEmpty();
    }

    @Test
    void the_trail_has_no_column_that_could_hold_content() {
        assertThat(jdbc.sql("""
                                select column_name from information_schema.columns
                                where table_schema = 'public' and table_name = 'audit_entry'
                                """).query(String.class).list())
                .containsExactlyInAnyOrder(
                        "id", "school_id", "occurred_at", "actor_id", "action", "subject_type", "subject_id");
    }

    @Test
    void an_entry_names_its_school_and_subject() {
        assertThatThrownBy(() -> trail.append(" ", null, Action.CHANGE, "CASE", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.append("demo-gymnasium-1", null, Action.CHANGE, "CASE", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
