package kz.senim.membership.club.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClubProfileDefaultsTest {

    @Test
    void a_new_club_has_the_seven_principles_in_kazakh_russian_and_english() {
        ClubProfile club = ClubProfile.defaults("school-1");

        assertThat(club.principles())
                .extracting(ClubProfile.PrincipleText::principle)
                .containsExactly(Principle.values());
        assertThat(club.principles()).allSatisfy(p -> {
            assertThat(p.title().kk()).isNotBlank();
            assertThat(p.title().ru()).isNotBlank();
            assertThat(p.title().en()).isNotBlank();
            assertThat(p.text().kk()).isNotBlank();
            assertThat(p.text().ru()).isNotBlank();
            assertThat(p.text().en()).isNotBlank();
        });
        assertThat(club.principles().get(2).title().in("kk")).isEqualTo("Құпиялылық");
        assertThat(club.admissionGrades()).isEqualTo(new AdmissionGrades(8, 11));
    }

    @Test
    void a_principle_the_club_words_itself_replaces_its_default_and_the_others_stay() {
        Localized own = new Localized("Өз сөзіміз", "Своими словами", "In our words");
        List<ClubProfile.PrincipleText> given = List.of(new ClubProfile.PrincipleText(Principle.FUTURE, null, own));

        List<ClubProfile.PrincipleText> all = ClubProfile.complete(given);

        assertThat(all).hasSize(7);
        assertThat(all.get(6).text()).isEqualTo(own);
        assertThat(all.get(6).title()).isEqualTo(Principle.FUTURE.defaultTitle());
        assertThat(all.get(0).text()).isEqualTo(Principle.VOLUNTARINESS.defaultText());
    }

    @Test
    void a_text_missing_in_the_asked_language_falls_back_to_another() {
        assertThat(new Localized("", "Клуб", "Club").in("kk")).isEqualTo("Club");
        assertThat(new Localized("Клуб", "Клуб", "Club").in("de")).isEqualTo("Club");
    }
}
