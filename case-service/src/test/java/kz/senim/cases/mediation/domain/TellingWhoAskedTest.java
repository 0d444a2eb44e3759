package kz.senim.cases.mediation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A list tells requests apart by who asked, as a kind of person, never as who. */
class TellingWhoAskedTest {

    @Test
    void the_online_form_tells_a_student_a_parent_and_a_teacher_apart_by_their_role() {
        assertThat(Asker.of(Channel.ONLINE_FORM, Optional.of("student"))).isEqualTo(Asker.STUDENT);
        assertThat(Asker.of(Channel.ONLINE_FORM, Optional.of("parent"))).isEqualTo(Asker.PARENT);
        assertThat(Asker.of(Channel.ONLINE_FORM, Optional.of("teacher"))).isEqualTo(Asker.TEACHER);
    }

    @Test
    void another_adult_or_someone_the_directory_does_not_know_is_staff() {
        assertThat(Asker.of(Channel.ONLINE_FORM, Optional.of("coordinator"))).isEqualTo(Asker.STAFF);
        assertThat(Asker.of(Channel.ONLINE_FORM, Optional.empty())).isEqualTo(Asker.STAFF);
    }

    @Test
    void the_trust_box_and_a_visit_in_person_are_told_by_their_channel_whatever_the_role() {
        assertThat(Asker.of(Channel.TRUST_BOX, Optional.empty())).isEqualTo(Asker.TRUST_BOX);
        assertThat(Asker.of(Channel.IN_PERSON, Optional.of("coordinator"))).isEqualTo(Asker.IN_PERSON);
    }
}
