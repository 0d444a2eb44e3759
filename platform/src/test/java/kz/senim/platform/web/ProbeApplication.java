package kz.senim.platform.web;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import kz.senim.platform.problem.CallerRefused;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.problem.TooManyRequests;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A tiny service on the platform, to test what every service gets from it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ProbeApplication.ProbeController.class, ProbeApplication.Notes.class, ProbeApplication.Quotas.class})
class ProbeApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/open/**")
                        .permitAll()
                        .requestMatchers("/api/coordinators/**")
                        .hasRole("coordinator")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    record Greeting(
            @NotBlank @Size(max = 5) String word, @NotBlank String language) {}

    record Order(int count, List<Line> lines) {
        record Line(int amount) {}
    }

    record Note(String id, String text) {}

    /** A refusal because of who acts. */
    static class OnlyThePainterWithdraws extends StateConflict implements CallerRefused {
        OnlyThePainterWithdraws() {
            super("only-the-painter-withdraws", "Only the painter withdraws");
        }
    }

    /** Creates notes; a retried creation with the same Idempotency-Key answers the first note. */
    @Component
    public static class Notes {

        private final JdbcClient jdbc;
        private final IdempotentRequests idempotent;

        Notes(JdbcClient jdbc, IdempotentRequests idempotent) {
            this.jdbc = jdbc;
            this.idempotent = idempotent;
        }

        @Transactional
        public Note create(String caller, String kind, String key, String text, long pauseMillis)
                throws InterruptedException {
            var earlier = idempotent.earlier(caller, kind, key);
            if (earlier.isPresent()) {
                return new Note(earlier.get(), text(earlier.get()));
            }
            String id = UUID.randomUUID().toString();
            jdbc.sql("insert into probe_note (id, text) values (:id, :text)")
                    .param("id", id)
                    .param("text", text)
                    .update();
            Thread.sleep(pauseMillis);
            idempotent.remember(caller, kind, key, id);
            return new Note(id, text);
        }

        String text(String id) {
            return jdbc.sql("select text from probe_note where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
        }

        int count(String text) {
            return jdbc.sql("select count(*) from probe_note where text = :text")
                    .param("text", text)
                    .query(Integer.class)
                    .single();
        }
    }

    /** A validated service: its parameter constraints throw ConstraintViolationException. */
    @Component
    @Validated
    public static class Quotas {

        public int reserve(@Min(1) @Max(10) int seats) {
            return seats;
        }
    }

    @RestController
    static class ProbeController {

        private final Notes notes;
        private final Quotas quotas;
        private final DataSource dataSource;

        ProbeController(Notes notes, Quotas quotas, DataSource dataSource) {
            this.notes = notes;
            this.quotas = quotas;
            this.dataSource = dataSource;
        }

        @GetMapping("/api/open/me")
        CurrentUser openMe(CurrentUser caller) {
            return caller;
        }

        @GetMapping("/api/me")
        CurrentUser me(CurrentUser caller) {
            return caller;
        }

        @GetMapping("/api/things/{id}")
        String thing(@PathVariable String id) {
            throw new ResourceNotFound("Thing");
        }

        @PostMapping("/api/greetings")
        Greeting greet(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        /** A constrained header makes Spring validate the body by method validation. */
        @PostMapping("/api/signed-greetings")
        Greeting greetSigned(
                @RequestHeader("X-Signature") @Size(max = 3) String signature, @Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @PostMapping("/api/orders")
        Order order(@RequestBody Order order) {
            return order;
        }

        @GetMapping("/api/counts/{count}")
        int count(@PathVariable int count, @RequestParam(defaultValue = "1") int times) {
            return count * times;
        }

        @PostMapping("/api/reservations")
        int reserve(@RequestParam int seats) {
            return quotas.reserve(seats);
        }

        /** Version 3; the body is refused by a rule of the service unless it names a known colour. */
        @PutMapping("/api/paints/{id}")
        ResponseEntity<String> paint(
                @PathVariable String id,
                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                @RequestBody Map<String, String> paint) {
            Versions.check(ifMatch, 3);
            if (!List.of("red", "blue").contains(paint.get("colour"))) {
                throw new FieldsRefused(List.of(
                        new FieldsRefused.Refusal("colour", "size.invalid"),
                        new FieldsRefused.Refusal("id", "page.invalid")));
            }
            return ResponseEntity.ok().eTag(Versions.etag(4)).body(paint.get("colour"));
        }

        @PostMapping("/api/paints/{id}/withdrawal")
        void withdrawPaint(@PathVariable String id) {
            throw new OnlyThePainterWithdraws();
        }

        /** 45 numbers, sortable by {@code value}. */
        @GetMapping("/api/numbers")
        Page<Integer> numbers(
                @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort) {
            PageQuery query = PageQuery.of(page, size, sort, Map.of("value", "value"), "value");
            List<Integer> all = IntStream.rangeClosed(1, 45).boxed().toList();
            if (query.orderBy().endsWith("desc")) {
                all = all.reversed();
            }
            return Page.slice(all, query.page(), query.size());
        }

        @PostMapping("/api/notes")
        ResponseEntity<Note> note(
                CurrentUser caller,
                @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                @RequestParam(defaultValue = "0") long pause,
                @RequestParam(defaultValue = "note") String kind,
                @RequestBody String text)
                throws InterruptedException {
            return ResponseEntity.status(201).body(notes.create(caller.id(), kind, key, text, pause));
        }

        /** A refusal because of the state: 409. */
        @PostMapping("/api/paints/{id}/drying")
        void dryPaint(@PathVariable String id) {
            throw new StateConflict("paint-still-wet", "The paint is still wet");
        }

        /** A 412 the way some services answer it, as a bare ResponseStatusException. */
        @PostMapping("/api/paints/{id}/varnish")
        void varnish(@PathVariable String id) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED);
        }

        @PostMapping("/api/guesses")
        void guess() {
            throw new TooManyRequests(Duration.ofMillis(6_500));
        }

        @GetMapping("/api/bugs")
        void bug() {
            throw new IllegalStateException("a bug that names secret input");
        }

        /**
         * Takes every connection of the pool and holds them for {@code millis}, as a stalled PostgreSQL
         * would, so that other requests cannot get one.
         */
        @PostMapping("/api/pool/holds")
        int holdThePool(@RequestParam long millis) throws Exception {
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(); i++) {
                    held.add(dataSource.getConnection());
                }
                Thread.sleep(millis);
                return held.size();
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }

        @GetMapping("/api/notes/count")
        int notes(@RequestParam String text) {
            return notes.count(text);
        }
    }
}
