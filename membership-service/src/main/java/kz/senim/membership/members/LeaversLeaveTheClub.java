package kz.senim.membership.members;

import kz.senim.membership.people.PersonRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Leaving the school's directory ends club membership in the same transaction: {@code member-left} goes out
 * with {@code person-removed}, and the mediator role follows it.
 */
@Component
class LeaversLeaveTheClub {

    private final Members members;

    LeaversLeaveTheClub(Members members) {
        this.members = members;
    }

    @EventListener
    void on(PersonRemoved removed) {
        members.endForLeaver(removed.schoolId(), removed.userId());
    }
}
