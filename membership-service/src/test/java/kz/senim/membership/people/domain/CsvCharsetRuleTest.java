package kz.senim.membership.people.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import kz.senim.membership.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class CsvCharsetRuleTest {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final String FILE = "userId,givenName\nu-1,Айгерим\nu-2,Әлия\n";

    @Test
    void utf8_is_read_with_or_without_a_byte_order_mark() {
        byte[] plain = FILE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = ("\uFEFF" + FILE).getBytes(StandardCharsets.UTF_8);

        assertThat(CsvText.decode(plain, null)).isEqualTo(FILE);
        assertThat(CsvText.decode(withBom, null)).isEqualTo(FILE);
        assertThat(CsvText.decode(withBom, StandardCharsets.UTF_8)).isEqualTo(FILE);
    }

    @Test
    void a_windows_1251_file_without_a_declared_charset_is_refused_naming_the_row() {
        byte[] excel = "userId,givenName\nu-1,Айгерим\n".getBytes(WINDOWS_1251);

        assertThatThrownBy(() -> CsvText.decode(excel, null))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("rows[2]");
                            assertThat(p.code()).isEqualTo("directory.file.encoding");
                        }));
    }

    @Test
    void a_declared_windows_1251_file_is_read_correctly() {
        String russian = "userId,givenName\nu-1,Айгерим Щербакова\n";

        assertThat(CsvText.decode(russian.getBytes(WINDOWS_1251), WINDOWS_1251)).isEqualTo(russian);
    }

    @Test
    void bytes_that_windows_1251_does_not_have_are_refused_too() {
        // 0x98 is unassigned in Windows-1251.
        byte[] bytes = {'a', '\n', 'b', '\n', (byte) 0x98};

        assertThatThrownBy(() -> CsvText.decode(bytes, WINDOWS_1251))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("rows[3]"));
    }

    @Test
    void an_unknown_charset_name_is_refused() {
        assertThatThrownBy(() -> CsvText.charsetNamed("klingon-8")).isInstanceOf(InvalidInput.class);
        assertThat(CsvText.charsetNamed(null)).isNull();
        assertThat(CsvText.charsetNamed("windows-1251")).isEqualTo(WINDOWS_1251);
    }
}
