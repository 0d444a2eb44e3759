package kz.senim.membership.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsernameSchemeTest {

    @Test
    void a_kazakh_name_is_written_in_plain_latin_letters() {
        assertThat(Usernames.base("Әйгерім", "Нұртасова")).isEqualTo("aigerim.nurtasova");
        assertThat(Usernames.base("Ғалым", "Құрманғали")).isEqualTo("galym.qurmangali");
        assertThat(Usernames.base("Өмірзақ", "Үсенов")).isEqualTo("omirzaq.usenov");
    }

    @Test
    void a_russian_name_is_transliterated() {
        assertThat(Usernames.base("Юлия", "Щербакова")).isEqualTo("yuliya.shcherbakova");
        assertThat(Usernames.base("Артём", "Хабибуллин")).isEqualTo("artyom.khabibullin");
    }

    @Test
    void latin_names_lose_accents_spaces_and_signs() {
        assertThat(Usernames.base("  Zoë Anne ", "O'Brien-Smith")).isEqualTo("zoeanne.obriensmith");
    }

    @Test
    void a_name_without_letters_still_gives_a_username() {
        assertThat(Usernames.base("李", "")).isEqualTo("user");
        assertThat(Usernames.base("Aruzhan", "—")).isEqualTo("aruzhan");
    }

    @Test
    void a_long_name_is_cut_without_a_trailing_dot() {
        String base = Usernames.base("a".repeat(39), "bbbb");
        assertThat(base).isEqualTo("a".repeat(39));
        assertThat(Usernames.base("a".repeat(50), "b")).hasSize(Usernames.MAX_BASE_LENGTH);
    }

    @Test
    void collisions_are_resolved_by_a_number_from_two_on() {
        assertThat(Usernames.candidate("aigerim.nurtasova", 1)).isEqualTo("aigerim.nurtasova");
        assertThat(Usernames.candidate("aigerim.nurtasova", 2)).isEqualTo("aigerim.nurtasova2");
        assertThat(Usernames.candidate("aigerim.nurtasova", 3)).isEqualTo("aigerim.nurtasova3");
        assertThatThrownBy(() -> Usernames.candidate("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
