package kz.senim.training.curriculum;

import java.util.List;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.MalformedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the club's members by school year from membership's member-* events; trainees come from here. The
 * topic's one listener, {@code directory.MembershipEvents}, hands it those events in its transaction.
 */
@Component("curriculumMembershipEvents")
public class MembershipEvents {

    private static final String PREFIX = "kz.senim.membership.member-";

    private final CurriculumRepository repository;
    private final Qualifications qualifications;

    MembershipEvents(CurriculumRepository repository, Qualifications qualifications) {
        this.repository = repository;
        this.qualifications = qualifications;
    }

    public boolean handles(String type) {
        return type.startsWith(PREFIX) && type.endsWith(".v1");
    }

    /** Applies one event inside the consumer's transaction. */
    public void apply(IncomingEvent event) {
        String school = text(event, "schoolId");
        String user = text(event, "userId");
        String year = text(event, "schoolYear");
        String status = switch (event.type()) {
            case "kz.senim.membership.member-admitted.v1" -> text(event, "status");
            case "kz.senim.membership.member-certified.v1" -> "CERTIFIED";
            case "kz.senim.membership.member-left.v1" -> "LEFT";
            case "kz.senim.membership.member-graduated.v1" -> "ALUMNI";
            default -> null;
        };
        if (status == null) {
            return;
        }
        if (!List.of("TRAINEE", "CERTIFIED", "LEFT", "ALUMNI").contains(status) || !year.matches("[0-9]{4}-[0-9]{4}")) {
            throw new MalformedEvent("Event " + event.id() + " has an unknown status or school year", null);
        }
        repository.member(school, user, year, status);
        if ("TRAINEE".equals(status)) {
            qualifications.reconsider(repository.of(school), user);
        }
    }

    private static String text(IncomingEvent event, String field) {
        var node = event.data().get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEvent("Event " + event.id() + " has no " + field, null);
        }
        return node.asString();
    }
}
