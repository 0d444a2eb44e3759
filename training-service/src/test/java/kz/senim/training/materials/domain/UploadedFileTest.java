package kz.senim.training.materials.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadedFileTest {

    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    @Test
    void the_type_is_what_the_first_bytes_say() {
        assertThat(UploadedFile.detect(PDF)).contains("application/pdf");
        assertThat(UploadedFile.detect(PNG)).contains("image/png");
        assertThat(UploadedFile.detect(JPEG)).contains("image/jpeg");
        assertThat(UploadedFile.detect("<html>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void an_html_page_declared_as_a_pdf_is_refused() {
        assertThatThrownBy(() ->
                        UploadedFile.accept("application/pdf", "<html><script>".getBytes(StandardCharsets.UTF_8), 1000))
                .isInstanceOf(UploadedFile.Refused.class)
                .extracting(e -> ((UploadedFile.Refused) e).code())
                .isEqualTo("unsupported-type");
    }

    @Test
    void a_png_declared_as_a_pdf_is_refused() {
        assertThatThrownBy(() -> UploadedFile.accept("application/pdf", PNG, 1000))
                .extracting(e -> ((UploadedFile.Refused) e).code())
                .isEqualTo("type-mismatch");
    }

    @Test
    void a_file_over_the_limit_or_empty_is_refused() {
        assertThatThrownBy(() -> UploadedFile.accept("application/pdf", PDF, PDF.length - 1))
                .extracting(e -> ((UploadedFile.Refused) e).code())
                .isEqualTo("too-large");
        assertThatThrownBy(() -> UploadedFile.accept("application/pdf", new byte[0], 10))
                .extracting(e -> ((UploadedFile.Refused) e).code())
                .isEqualTo("empty");
    }

    @Test
    void a_declared_type_with_parameters_still_matches() {
        assertThat(UploadedFile.accept("Application/PDF; name=x", PDF, 1000).contentType())
                .isEqualTo("application/pdf");
    }
}
