package kz.senim.membership.members;

/** An event after which a person may have joined or left the club: the mediator role follows it. */
public interface MembershipChanged {

    String schoolId();

    String userId();
}
