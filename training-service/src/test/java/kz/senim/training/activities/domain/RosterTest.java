package kz.senim.training.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void people_beyond_the_capacity_go_on_the_waitlist() {
        Roster roster = new Roster(2, List.of());

        assertThat(roster.register("a", T).status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(roster.register("b", T.plusSeconds(1)).status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(roster.register("c", T.plusSeconds(2)).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(roster.registered()).isEqualTo(2);
        assertThat(roster.waitlisted()).isEqualTo(1);
    }

    @Test
    void when_someone_cancels_a_place_the_first_person_waiting_takes_it() {
        Roster roster = new Roster(1, List.of());
        roster.register("a", T);
        roster.register("b", T.plusSeconds(1));
        roster.register("c", T.plusSeconds(2));

        assertThat(roster.cancel("a")).map(Registration::userId).contains("b");
        assertThat(roster.of("b").orElseThrow().status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(roster.of("c").orElseThrow().status()).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void leaving_the_waitlist_promotes_nobody() {
        Roster roster = new Roster(1, List.of());
        roster.register("a", T);
        roster.register("b", T.plusSeconds(1));

        assertThat(roster.cancel("b")).isEmpty();
        assertThat(roster.registered()).isEqualTo(1);
    }

    @Test
    void registering_twice_keeps_the_first_registration_and_a_cancelled_person_may_register_again() {
        Roster roster = new Roster(null, List.of());
        Registration first = roster.register("a", T);

        assertThat(roster.register("a", T.plusSeconds(5))).isEqualTo(first);
        roster.cancel("a");
        assertThat(roster.register("a", T.plusSeconds(9)).status()).isEqualTo(RegistrationStatus.REGISTERED);
    }

    @Test
    void without_a_capacity_nobody_waits() {
        Roster roster = new Roster(null, List.of());
        for (int i = 0; i < 100; i++) {
            assertThat(roster.register("p" + i, T).status()).isEqualTo(RegistrationStatus.REGISTERED);
        }
    }
}
