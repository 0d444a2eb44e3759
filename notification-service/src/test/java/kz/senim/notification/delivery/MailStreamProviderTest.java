package kz.senim.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/**
 * The stream provider {@link MailDispatcher} names to Jakarta Mail is the one on the class path, and Jakarta
 * Mail uses it: were it renamed by an update of the mail implementation, every message would go back to a
 * class-path scan per body part (or fail).
 */
class MailStreamProviderTest {

    @Test
    void jakarta_mail_uses_the_named_stream_provider() throws Exception {
        Class.forName(MailDispatcher.class.getName());

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailDispatcher.STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailDispatcher.STREAM_PROVIDER);
    }
}
