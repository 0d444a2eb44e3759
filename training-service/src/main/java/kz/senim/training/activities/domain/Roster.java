package kz.senim.training.activities.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The registrations of one activity: places up to its capacity, then a waitlist in the order people
 * registered. When someone cancels a place, the first person waiting takes it.
 */
public final class Roster {

    private final Integer capacity;
    private final List<Registration> registrations;

    public Roster(Integer capacity, List<Registration> registrations) {
        this.capacity = capacity;
        this.registrations = new ArrayList<>(registrations);
    }

    public long registered() {
        return count(RegistrationStatus.REGISTERED);
    }

    public long waitlisted() {
        return count(RegistrationStatus.WAITLISTED);
    }

    public Optional<Registration> of(String userId) {
        return registrations.stream().filter(r -> r.userId().equals(userId)).findFirst();
    }

    /**
     * Registers a person: a place while there is one, otherwise the waitlist. A person already on
     * the roster keeps what they have.
     */
    public Registration register(String userId, Instant now) {
        Optional<Registration> existing = of(userId).filter(r -> r.status() != RegistrationStatus.CANCELLED);
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean full = capacity != null && registered() >= capacity;
        Registration registration =
                new Registration(userId, full ? RegistrationStatus.WAITLISTED : RegistrationStatus.REGISTERED, now);
        registrations.removeIf(r -> r.userId().equals(userId));
        registrations.add(registration);
        return registration;
    }

    /**
     * Cancels a person's registration. Returns the registration of the person promoted from the
     * waitlist into the freed place, if any.
     */
    public Optional<Registration> cancel(String userId) {
        Registration current = of(userId)
                .filter(r -> r.status() != RegistrationStatus.CANCELLED)
                .orElseThrow(() -> new IllegalStateException("Not registered"));
        replace(new Registration(userId, RegistrationStatus.CANCELLED, current.registeredAt()));
        if (current.status() != RegistrationStatus.REGISTERED) {
            return Optional.empty();
        }
        Optional<Registration> next = registrations.stream()
                .filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .min(Comparator.comparing(Registration::registeredAt));
        return next.map(waiting -> {
            Registration promoted =
                    new Registration(waiting.userId(), RegistrationStatus.REGISTERED, waiting.registeredAt());
            replace(promoted);
            return promoted;
        });
    }

    public boolean isRegistered(String userId) {
        return of(userId)
                .filter(r -> r.status() != RegistrationStatus.CANCELLED)
                .isPresent();
    }

    private void replace(Registration registration) {
        registrations.replaceAll(r -> r.userId().equals(registration.userId()) ? registration : r);
    }

    private long count(RegistrationStatus status) {
        return registrations.stream().filter(r -> r.status() == status).count();
    }
}
