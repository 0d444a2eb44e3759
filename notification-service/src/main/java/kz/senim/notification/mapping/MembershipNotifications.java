package kz.senim.notification.mapping;

import java.util.List;
import kz.senim.notification.delivery.Notifier;
import kz.senim.notification.delivery.domain.Category;
import org.springframework.stereotype.Component;

/** Whom membership-service's events concern: the coordinators of a new application, the applicant of the rest. */
@Component
class MembershipNotifications implements Notifications {

    private static final String MEMBERSHIP = "kz.senim.membership.";

    private final Notifier notifier;
    private final Audiences audiences;

    MembershipNotifications(Notifier notifier, Audiences audiences) {
        this.notifier = notifier;
        this.audiences = audiences;
    }

    @Override
    public void tell(EventFields event) {
        switch (event.type()) {
            case MEMBERSHIP + "application-submitted.v1" ->
                tell(event, audiences.coordinators(event.school()), Category.APPLICATIONS, "application-submitted");
            case MEMBERSHIP + "interview-scheduled.v1" -> applicant(event, "interview-scheduled");
            case MEMBERSHIP + "application-accepted.v1" -> applicant(event, "application-accepted");
            case MEMBERSHIP + "application-rejected.v1" -> applicant(event, "application-rejected");
            case MEMBERSHIP + "application-waitlisted.v1" -> applicant(event, "application-waitlisted");
            default -> {
                // Not a membership event anyone is told about (school and people events feed read models).
            }
        }
    }

    private void applicant(EventFields event, String template) {
        tell(event, List.of(event.text("userId")), Category.APPLICATION_STATUS, template);
    }

    private void tell(EventFields event, List<String> recipients, Category category, String template) {
        notifier.notify(event.id(), event.school(), recipients, category, template, event.link("applicationId"));
    }
}
