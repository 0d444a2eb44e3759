package kz.senim.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/** The stream provider the mail catchers name is GreenMail's own, and Jakarta Mail uses it. */
class SmtpServerTest {

    @Test
    void jakarta_mail_uses_the_named_stream_provider() {
        SmtpServer.nameMailStreamProvider();

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(SmtpServer.STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(SmtpServer.STREAM_PROVIDER);
    }
}
