package kz.senim.local.faults;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import kz.senim.local.api.ApiResponse;
import kz.senim.local.api.Caller;

/**
 * The client of the fault suite's load: submits a mediation request with an {@code Idempotency-Key} of its
 * own and, like a careful app, sends the same request with the same key again after a 502, 503, 504 or a
 * connection that failed, waiting as {@code Retry-After} says (1 s without it, at most 30 s), until it gets
 * an answer or {@link #PATIENCE} has passed. Every attempt is recorded.
 */
final class CarefulClient {

    /** How long one request is retried before the client gives up. */
    static final Duration PATIENCE = Duration.ofMinutes(5);

    /** One attempt: when it was sent and answered, in which phase it was sent, and what came back. */
    record Attempt(
            int phase,
            Instant sent,
            Instant answered,
            int status,
            boolean problemJson,
            String retryAfter,
            String failure) {

        /** A problem's {@code reason}, else the last part of its {@code type}; for the report. */
        static String reasonOf(ApiResponse answer) {
            try {
                String reason = answer.text("/reason");
                if (reason.isEmpty()) {
                    String type = answer.text("/type");
                    reason = type.substring(type.lastIndexOf('/') + 1);
                }
                return reason.isEmpty() ? null : reason;
            } catch (RuntimeException notJson) {
                return null;
            }
        }

        boolean succeeded() {
            return status == 200 || status == 201;
        }
    }

    /** One request as the user sees it: from its first attempt to its last answer. */
    static final class Request {
        final String key = UUID.randomUUID().toString();
        final String user;
        final int phase;
        final Instant started = Instant.now();
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        volatile Instant finished;
        volatile int finalStatus;
        volatile String caseId;

        Request(String user, int phase) {
            this.user = user;
            this.phase = phase;
        }

        boolean accepted() {
            return caseId != null && !caseId.isEmpty();
        }

        Duration waited() {
            return Duration.between(started, finished == null ? Instant.now() : finished);
        }
    }

    private final IntSupplier phase;

    CarefulClient(IntSupplier phase) {
        this.phase = phase;
    }

    /** Sends one request until it is answered for good; never throws. */
    void submit(Request request, Caller caller, List<String> partyIds) {
        Map<String, Object> body = Map.of(
                "urgency", "NORMAL",
                "preferredLanguage", "kk",
                "description", "A fault-suite request about a shared locker.",
                "parties", partyIds.stream().map(id -> Map.of("userId", id)).toList());
        Instant giveUp = request.started.plus(PATIENCE);
        while (true) {
            int sentIn = phase.getAsInt();
            Instant sent = Instant.now();
            Duration pause = Duration.ofSeconds(1);
            try {
                ApiResponse answer = caller.post("/api/cases", body, "Idempotency-Key", request.key);
                Instant answered = Instant.now();
                String contentType = answer.header("Content-Type");
                Attempt attempt = new Attempt(
                        sentIn,
                        sent,
                        answered,
                        answer.status(),
                        contentType != null && contentType.startsWith("application/problem+json"),
                        answer.header("Retry-After"),
                        answer.status() >= 400 ? Attempt.reasonOf(answer) : null);
                request.attempts.add(attempt);
                if (attempt.succeeded()) {
                    request.caseId = answer.text("/id");
                    finish(request, answer.status());
                    return;
                }
                boolean retryable = answer.status() == 502 || answer.status() == 503 || answer.status() == 504;
                if (!retryable || answered.isAfter(giveUp)) {
                    finish(request, answer.status());
                    return;
                }
                pause = retryAfter(attempt.retryAfter());
            } catch (UncheckedIOException e) {
                request.attempts.add(new Attempt(sentIn, sent, Instant.now(), 0, false, null, "connection failed"));
            } catch (RuntimeException e) {
                // e.g. no token: Keycloak could not be reached when the caller's token was due for renewal
                request.attempts.add(new Attempt(
                        sentIn,
                        sent,
                        Instant.now(),
                        -1,
                        false,
                        null,
                        e.getClass().getSimpleName()));
            }
            if (Instant.now().isAfter(giveUp)) {
                finish(request, request.attempts.getLast().status());
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(request, -1);
                return;
            }
        }
    }

    private static void finish(Request request, int status) {
        request.finalStatus = status;
        request.finished = Instant.now();
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.clamp(Long.parseLong(header.trim()), 1, 30));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
