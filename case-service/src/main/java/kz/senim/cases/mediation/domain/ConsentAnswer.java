package kz.senim.cases.mediation.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * An answer to the request for consent (voluntariness), before it is recorded: for which party, who answers
 * (the party or their guardian), yes or no, and — when a coordinator records it on the person's behalf — a
 * note of how it was given (confidential).
 *
 * <pre>{@code
 * ConsentAnswer.given(partyId)                              // the party says yes in the app
 * ConsentAnswer.refused(partyId).byGuardian()               // their guardian says no
 * ConsentAnswer.given(partyId).noted("said yes in person")  // a coordinator notes a yes
 * }</pre>
 */
public record ConsentAnswer(UUID partyId, Respondent respondent, Answer answer, String note) {

    /** Who answers for the party. */
    public enum Respondent {
        PARTY,
        GUARDIAN
    }

    /** Yes or no: a single no ends the mediation. */
    public enum Answer {
        GIVEN,
        REFUSED
    }

    public ConsentAnswer {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(respondent, "respondent");
        Objects.requireNonNull(answer, "answer");
    }

    public static ConsentAnswer given(UUID partyId) {
        return new ConsentAnswer(partyId, Respondent.PARTY, Answer.GIVEN, null);
    }

    public static ConsentAnswer refused(UUID partyId) {
        return new ConsentAnswer(partyId, Respondent.PARTY, Answer.REFUSED, null);
    }

    /** The same answer, given by the party's guardian. */
    public ConsentAnswer byGuardian() {
        return new ConsentAnswer(partyId, Respondent.GUARDIAN, answer, note);
    }

    /** The same answer, with the note of how it was given (for one a coordinator records on the person's behalf). */
    public ConsentAnswer noted(String how) {
        return new ConsentAnswer(partyId, respondent, answer, how);
    }

    boolean fromGuardian() {
        return respondent == Respondent.GUARDIAN;
    }

    boolean yes() {
        return answer == Answer.GIVEN;
    }
}
