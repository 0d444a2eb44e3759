package kz.senim.membership.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirstLoginCodeTest {

    @Test
    void a_code_is_two_groups_of_five_without_look_alike_characters() {
        String code = FirstLoginCode.generate(new SecureRandom());

        assertThat(code).matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        assertThat(code).doesNotContain("0", "O", "1", "I", "L", "5", "S", "2", "Z", "8", "B");
    }

    @Test
    void codes_do_not_repeat() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(FirstLoginCode.generate(random));
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void a_code_meets_the_realms_password_policy_of_eight_characters() {
        assertThat(FirstLoginCode.generate(new SecureRandom()).length()).isGreaterThanOrEqualTo(8);
    }
}
