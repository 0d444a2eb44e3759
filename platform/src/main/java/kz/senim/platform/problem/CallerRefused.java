package kz.senim.platform.problem;

/**
 * Marks a refusal ({@link StateConflict}) that is about who acts, not about the state: someone signing,
 * consenting or withdrawing for another, someone outside a team doing its work. Every service answers it
 * 403 with its {@code reason} (and the text {@code conflict.<reason>}), where a refusal because of the
 * state answers 409. Plain Java, so a domain exception implements it.
 */
public interface CallerRefused {

    /** A stable code such as {@code only-the-asker-withdraws}. */
    String reason();
}
