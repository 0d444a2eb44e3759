package kz.senim.cases.trustbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The receipt is the sender's only key: unguessable, easy for a child to copy, never stored in clear. */
class ReceiptTest {

    final SecureRandom random = new SecureRandom();

    @Test
    void a_receipt_carries_at_least_80_random_bits_in_five_groups_of_four() {
        Receipt receipt = Receipt.random(random);

        assertThat(Receipt.BITS).isGreaterThanOrEqualTo(80);
        assertThat(receipt.code()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        // 20 symbols of a 32-symbol alphabet: 20 x 5 = 100 bits.
        assertThat(receipt.code().replace("-", "")).hasSize(Receipt.BITS / 5);
    }

    @Test
    void receipts_do_not_repeat_and_use_every_symbol_about_equally() {
        Set<String> codes = new HashSet<>();
        int[] counts = new int[128];
        IntStream.range(0, 20_000).forEach(i -> {
            String code = Receipt.random(random).code();
            codes.add(code);
            code.replace("-", "").chars().forEach(c -> counts[c]++);
        });

        assertThat(codes).hasSize(20_000);
        // 400 000 symbols over 32 letters: 12 500 each on average; a biased generator would stray far.
        "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
                .chars()
                .forEach(c -> assertThat(counts[c]).isBetween(11_500, 13_500));
    }

    @Test
    void the_code_has_no_letters_a_child_could_confuse() {
        IntStream.range(0, 1000)
                .forEach(i -> assertThat(Receipt.random(random).code())
                        .doesNotContain("O")
                        .doesNotContain("I")
                        .doesNotContain("L")
                        .doesNotContain("U"));
    }

    @Test
    void a_code_copied_in_lower_case_with_spaces_or_look_alikes_still_opens_the_conversation() {
        Receipt receipt = new Receipt("7KQM-3XRD-0A1B-ZZ9P-H4T0");

        assertThat(Receipt.typed("7kqm 3xrd oa1b zz9p h4to")).contains(receipt);
        assertThat(Receipt.typed("7KQM3XRD0AlBZZ9PH4T0")).contains(receipt);
        assertThat(Receipt.typed("7KQM-3XRD-0A1B-ZZ9P")).isEmpty();
        assertThat(Receipt.typed("7KQM-3XRD-0A1B-ZZ9P-H4T0-EXTRA")).isEmpty();
        assertThat(Receipt.typed("7KQM-3XRD-0A1B-ZZ9P-H4T!")).isEmpty();
        assertThat(Receipt.typed(null)).isEmpty();
    }

    @Test
    void only_a_hash_is_kept_and_the_code_never_shows_in_a_log_line() {
        Receipt receipt = Receipt.random(random);

        assertThat(receipt.hash()).hasSize(64).doesNotContain(receipt.code());
        assertThat(receipt.toString()).doesNotContain(receipt.code());
        assertThat(Receipt.typed(receipt.code().toLowerCase()).orElseThrow().hash())
                .isEqualTo(receipt.hash());
    }
}
