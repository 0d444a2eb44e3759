package kz.senim.notification.delivery;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.delivery.domain.Channel;
import kz.senim.notification.delivery.domain.Language;
import kz.senim.notification.delivery.domain.PlannedNotification;
import kz.senim.notification.people.Person;
import kz.senim.notification.people.PersonRepository;
import kz.senim.notification.school.SchoolSettings;
import kz.senim.notification.school.SchoolSettingsRepository;
import org.springframework.stereotype.Component;

/**
 * Stores the notifications an event causes: one in the inbox of each recipient and, unless the
 * recipient switched the (non-essential) category off, one e-mail. Runs inside the consumer's
 * transaction; the dispatcher mails once it commits ({@link DispatchWakeUp}), or at its next run.
 */
@Component
public class Notifier {

    private final NotificationRepository notifications;
    private final PersonRepository people;
    private final SchoolSettingsRepository schools;
    private final MailChoices preferences;
    private final DispatchWakeUp wakeUp;
    private final Clock clock;

    Notifier(
            NotificationRepository notifications,
            PersonRepository people,
            SchoolSettingsRepository schools,
            MailChoices preferences,
            DispatchWakeUp wakeUp,
            Clock clock) {
        this.clock = clock;
        this.notifications = notifications;
        this.wakeUp = wakeUp;
        this.people = people;
        this.schools = schools;
        this.preferences = preferences;
    }

    /** Notifies each of the recipients (duplicates count once); returns how many notifications were stored. */
    public int notify(
            UUID sourceEventId,
            String schoolId,
            Collection<String> recipients,
            Category category,
            String templateKey,
            Map<String, String> parameters) {
        Optional<Locale> schoolLanguage = schools.find(schoolId).map(SchoolSettings::defaultLanguage);
        int stored = 0;
        for (String recipient : new LinkedHashSet<>(recipients)) {
            Locale language = Language.choose(people.find(recipient).map(Person::language), schoolLanguage);
            for (Channel channel : Channel.values()) {
                if (channel == Channel.EMAIL && !category.mailed(preferences.wantsMail(recipient, category))) {
                    continue;
                }
                PlannedNotification planned = new PlannedNotification(
                        sourceEventId, recipient, schoolId, channel, category, templateKey, parameters, language);
                if (notifications.store(planned, clock.instant())) {
                    stored++;
                    if (channel == Channel.EMAIL) {
                        wakeUp.afterCommit();
                    }
                }
            }
        }
        return stored;
    }
}
