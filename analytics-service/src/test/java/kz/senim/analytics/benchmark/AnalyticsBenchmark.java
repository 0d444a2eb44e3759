package kz.senim.analytics.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.analytics.generation.GenerationConsumers;
import kz.senim.analytics.generation.Generations;
import kz.senim.contracts.EventContracts;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test of the build (its name matches no surefire include): the analytics benchmark of issue 14, run by hand
 * (docs/benchmark.md, "Analytics"):
 *
 * <pre>
 * ./mvnw -q -pl analytics-service -am verify -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=none -Dsenim.benchmark.schools=300 "-Dsurefire.jvm.args=-Xmx2g -XX:+UseSerialGC -XX:+EnableDynamicAgentLoading"
 * </pre>
 *
 * <p>It generates one school year of synthetic events for a district ({@code senim.benchmark.schools} schools, about
 * 1 450 events each, shapes as in docs/events.md) onto topics of its own on the test broker, lets the live store
 * read them, then measures: the time a bare Kafka consumer takes to read every record; the time a rebuild takes (a
 * new store generation from the earliest offsets until it is live); the district report's latency over those data
 * (the first call after the switch-over, then p50/p95 with nothing changing); and, under a steady 20 events/s, the
 * live lag from sending an event to its fact being in the live store and to the school's report counting it, and
 * the district report's latency asked once a second meanwhile. It prints the figures and the load average and
 * writes them to {@code target/benchmark/analytics.txt}.
 */
@SenimIntegrationTest(properties = "senim.analytics.generation-check-interval=PT0.2S")
class AnalyticsBenchmark {

    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String CASES = "bench-" + RUN + ".cases.v1";
    static final String MEMBERSHIP = "bench-" + RUN + ".membership.v1";
    static final String TRAINING = "bench-" + RUN + ".training.v1";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final Instant YEAR_START =
            LocalDate.of(2026, 9, 1).atStartOfDay(ALMATY).toInstant();

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("senim.consumes.topics", () -> CASES + "," + MEMBERSHIP + "," + TRAINING);
    }

    @LocalServerPort
    int port;

    @Autowired
    Generations generations;

    @Autowired
    GenerationConsumers consumers;

    @Autowired
    JdbcClient jdbc;

    final List<String> lines = new ArrayList<>();

    @Test
    void district_of_schools_over_one_school_year() throws Exception {
        int schools = Integer.getInteger("senim.benchmark.schools", 300);
        int liveEvents = Integer.getInteger("senim.benchmark.live-events", 600);
        String bootstrap = Infrastructure.kafka().bootstrapServers();
        // three partitions each, as the producers create them (the service's consumers may have created one already)
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of(CASES, MEMBERSHIP, TRAINING)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                            .all()
                            .get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }

        // 1. The district's year on the broker; the live generation reads it as it comes.
        long sent;
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            Generator generator = new Generator(producer);
            for (int s = 0; s < schools; s++) {
                generator.school("bench-school-" + s, new Random(s), s == 0);
            }
            producer.flush();
            sent = generator.sent;
        }
        double produceSeconds = seconds(System.nanoTime() - produceStart);
        report(
                "load average at the start",
                Files.readString(Path.of("/proc/loadavg")).trim());
        report("schools", schools);
        report("events sent", sent);
        report("send time", "%.1f s (%.0f events/s)".formatted(produceSeconds, sent / produceSeconds));
        int first = generations.live();
        await().atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> consumers.caughtUp(consumers.groupOf(first)));
        double ingestSeconds = seconds(System.nanoTime() - produceStart);
        long facts = facts(first);
        report("live store caught up", "%.1f s after the first send; %d facts".formatted(ingestSeconds, facts));

        // 2. A bare consumer reading the same records, for the ratio.
        long bareStart = System.nanoTime();
        long read = readAll(bootstrap);
        double bareSeconds = seconds(System.nanoTime() - bareStart);
        assertThat(read).isEqualTo(sent);
        report("bare consumer read", "%.1f s (%d records)".formatted(bareSeconds, read));

        // 3. A rebuild: a new generation from the earliest offsets until it is live.
        Map<String, Object> before = district();
        long rebuildStart = System.nanoTime();
        int rebuilt = generations.requestRebuild();
        await().atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> generations.live() == rebuilt);
        double rebuildSeconds = seconds(System.nanoTime() - rebuildStart);
        assertThat(facts(rebuilt)).isEqualTo(facts);
        long coldStart = System.nanoTime();
        Map<String, Object> after = district();
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        assertThat(after).isEqualTo(before);
        report(
                "rebuild",
                "%.1f s (goal ≤ 100 s), %.1f× the bare consumer; same district report before and after"
                        .formatted(rebuildSeconds, rebuildSeconds / bareSeconds));

        // 4. The district report over those data: the first call after the switch-over (above) computed every
        // school (nothing is kept for a new generation), the next ones find every school unchanged.
        report(
                "district report, first call after the rebuild (every school computed, parsed by the benchmark)",
                "%.0f ms".formatted(coldMillis));
        List<Double> reportMillis = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            long start = System.nanoTime();
            ServiceApi.Answer answer = ServiceApi.at(port)
                    .get("/api/reports/district/years/2026-2027")
                    .auth(districtAdmin())
                    .send();
            double millis = (System.nanoTime() - start) / 1e6;
            assertThat(answer.status()).isEqualTo(200);
            if (i >= 2) { // the first two warm up
                reportMillis.add(millis);
            }
        }
        report(
                "district report, nothing changed (12 calls after 2)",
                "p50 %.0f ms, p95 %.0f ms (goal ≤ 300 ms), max %.0f ms"
                        .formatted(percentile(reportMillis, 50), percentile(reportMillis, 95), max(reportMillis)));

        // 5. Live lag: a steady 20 events/s (a request each, to the schools in turn), each timed from its send to
        // its fact in the live store; every tenth also to the school's report (JSON) that counts it, asked once its
        // fact is stored (again 100 ms later if it did not count it yet). Meanwhile the district admin asks for the
        // district view once a second.
        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        Map<UUID, Long> seenAt = new ConcurrentHashMap<>();
        Map<UUID, Long> reportedAt = new ConcurrentHashMap<>();
        List<Double> liveReportMillis = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> requestsBefore = requestedBySchool(district());
        int live = generations.live();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                List<UUID> waiting = sentAt.keySet().stream()
                        .filter(id -> !seenAt.containsKey(id))
                        .toList();
                if (!waiting.isEmpty()) {
                    long now = System.nanoTime();
                    jdbc.sql("select event_id from fact where generation = :g and event_id in (:ids)")
                            .param("g", live)
                            .param("ids", waiting)
                            .query(UUID.class)
                            .list()
                            .forEach(id -> seenAt.putIfAbsent(id, now));
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread districtReader = Thread.ofPlatform().start(() -> {
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                next += 1_000_000_000L;
                long start = System.nanoTime();
                ServiceApi.Answer answer = ServiceApi.at(port)
                        .get("/api/reports/district/years/2026-2027")
                        .auth(districtAdmin())
                        .send();
                if (answer.status() == 200) {
                    liveReportMillis.add((System.nanoTime() - start) / 1e6);
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        List<Thread> reportWatchers = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            Generator generator = new Generator(producer);
            Map<String, Long> sentTo = new java.util.HashMap<>(requestsBefore);
            long period = 1_000_000_000L / 20;
            long next = System.nanoTime();
            for (int i = 0; i < liveEvents; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += period;
                UUID caseId = UUID.randomUUID();
                String school = "bench-school-" + (i % schools);
                long sentAtNanos = System.nanoTime();
                UUID eventId = generator.request(school, caseId, Instant.now(), 2, 0, 0);
                long requests = sentTo.merge(school, 1L, Long::sum);
                sentAt.put(eventId, sentAtNanos);
                producer.flush();
                if (i % 10 == 0) {
                    reportWatchers.add(Thread.ofVirtual().start(() -> {
                        // one report asked as soon as the fact is stored (a report computes from the facts when
                        // asked): the answer's arrival is when the report shows the event
                        while (!reportedAt.containsKey(eventId)) {
                            try {
                                Thread.sleep(seenAt.containsKey(eventId) ? 100 : 5);
                            } catch (InterruptedException e) {
                                return;
                            }
                            if (!seenAt.containsKey(eventId)) {
                                continue;
                            }
                            ServiceApi.Answer answer = ServiceApi.at(port)
                                    .get("/api/reports/schools/" + school + "/years/2026-2027")
                                    .auth(districtAdmin())
                                    .send();
                            long now = System.nanoTime();
                            if (answer.status() == 200
                                    && answer.json()
                                                    .get("indicators")
                                                    .get("cases")
                                                    .get("requested")
                                                    .asLong()
                                            >= requests) {
                                reportedAt.put(eventId, now);
                            }
                        }
                    }));
                }
            }
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> seenAt.keySet().containsAll(sentAt.keySet()));
        for (Thread reportWatcher : reportWatchers) {
            reportWatcher.join(Duration.ofMinutes(5));
        }
        watcher.interrupt();
        districtReader.interrupt();
        districtReader.join();
        List<Double> lags = sentAt.entrySet().stream()
                .map(e -> (seenAt.get(e.getKey()) - e.getValue()) / 1e6)
                .toList();
        assertThat(reportedAt).hasSize(reportWatchers.size());
        List<Double> reportLags = reportedAt.entrySet().stream()
                .map(e -> (e.getValue() - sentAt.get(e.getKey())) / 1e6)
                .toList();
        report(
                "live lag, send → fact in the live store (%d events at 20/s)".formatted(liveEvents),
                "p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                        .formatted(percentile(lags, 50), percentile(lags, 99), max(lags)));
        report(
                "live lag, send → counted in the school's report (%d of them)".formatted(reportLags.size()),
                "p50 %.0f ms, p99 %.0f ms (goal ≤ 2 s), max %.0f ms"
                        .formatted(percentile(reportLags, 50), percentile(reportLags, 99), max(reportLags)));
        report(
                "district report while the events arrive (once a second, %d calls)".formatted(liveReportMillis.size()),
                "p50 %.0f ms, p95 %.0f ms, max %.0f ms"
                        .formatted(
                                percentile(liveReportMillis, 50),
                                percentile(liveReportMillis, 95),
                                max(liveReportMillis)));
        report(
                "load average at the end",
                Files.readString(Path.of("/proc/loadavg")).trim());

        Path out = Path.of("target/benchmark/analytics.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n");
    }

    /** A fresh token for each call: the run outlasts a test token's five minutes. */
    private static String districtAdmin() {
        return TestJwts.user().roles("admin").bearer();
    }

    private void report(String what, Object value) {
        String line = what + ": " + value;
        lines.add(line);
        System.out.println("[analytics benchmark] " + line);
    }

    private long facts(int generation) {
        return jdbc.sql("select count(*) from fact where generation = :g")
                .param("g", generation)
                .query(Long.class)
                .single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> district() {
        ServiceApi.Answer answer = ServiceApi.at(port)
                .get("/api/reports/district/years/2026-2027")
                .auth(districtAdmin())
                .send();
        assertThat(answer.status()).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(answer.body(), Map.class);
    }

    /** Each school's {@code cases.requested} in a district view (every benchmark school has far more than 5). */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> requestedBySchool(Map<String, Object> district) {
        for (Map<String, Object> row : (List<Map<String, Object>>) district.get("indicators")) {
            if (row.get("key").equals("cases.requested")) {
                Map<String, Long> bySchool = new java.util.HashMap<>();
                ((Map<String, Object>) row.get("schools"))
                        .forEach((school, value) ->
                                bySchool.put(school, value instanceof Number n ? n.longValue() : 0L));
                return bySchool;
            }
        }
        throw new AssertionError("no cases.requested in the district view");
    }

    private static long readAll(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(CASES, MEMBERSHIP, TRAINING)) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            while (read < total) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                read += records.count();
            }
            return read;
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.LINGER_MS_CONFIG, 20,
                        ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double percentile(Collection<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double max(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * One school's year of events, as their producers send them (CloudEvents binary mode). The first school's
     * payloads are checked against the producers' contracts, so the shapes stay those of docs/events.md.
     */
    static final class Generator {

        private static final Set<String> ACTIVITY_TYPES = Set.of(
                "TRAINING",
                "MASTER_CLASS",
                "SIMULATION",
                "PEER_LESSON",
                "PARENT_SESSION",
                "TEACHER_SESSION",
                "CLUB_MEETING",
                "ADAPTATION_SUPPORT",
                "EXPERIENCE_EXCHANGE");

        private final KafkaProducer<String, byte[]> producer;
        private boolean check;
        long sent;

        Generator(KafkaProducer<String, byte[]> producer) {
            this.producer = producer;
        }

        void school(String school, Random random, boolean checkContracts) {
            check = checkContracts;
            send(
                    MEMBERSHIP,
                    "membership.school-registered",
                    school,
                    school,
                    YEAR_START.minusSeconds(86_400 * 30),
                    "\"timeZone\":\"Asia/Almaty\",\"defaultLanguage\":\"kk\",\"yearStartMonth\":9");
            List<String> activityTypes = List.copyOf(ACTIVITY_TYPES);
            // the annual plan: 20 items, created, most carried out
            for (int i = 0; i < 20; i++) {
                UUID item = UUID.randomUUID();
                Instant created = at(random, 0, 30);
                String plan = "\"planItemId\":\"" + item + "\",\"schoolYear\":\"2026-2027\",\"month\":\"2026-10\"";
                send(
                        TRAINING,
                        "training.plan-item-created",
                        school,
                        item.toString(),
                        created,
                        plan + ",\"status\":\"PLANNED\",\"completionPercentage\":0");
                if (random.nextInt(10) < 8) {
                    send(
                            TRAINING,
                            "training.plan-item-status-changed",
                            school,
                            item.toString(),
                            at(random, 30, 360),
                            plan + ",\"previousStatus\":\"PLANNED\",\"status\":\""
                                    + (random.nextBoolean() ? "DONE" : "PARTLY_DONE")
                                    + "\",\"completionPercentage\":50");
                }
            }
            // young mediators
            for (int i = 0; i < 30; i++) {
                String member = "\"userId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"2026-2027\"";
                send(
                        MEMBERSHIP,
                        "membership.member-admitted",
                        school,
                        school,
                        at(random, 5, 60),
                        member + ",\"status\":\"TRAINEE\"");
                if (i % 3 == 0) {
                    send(
                            MEMBERSHIP,
                            "membership.member-certified",
                            school,
                            school,
                            at(random, 120, 240),
                            member + ",\"status\":\"CERTIFIED\"");
                }
            }
            // activities: scheduled, attendance, completed
            int reached = 0;
            for (int i = 0; i < 150; i++) {
                UUID activity = UUID.randomUUID();
                String type = activityTypes.get(random.nextInt(activityTypes.size()));
                Instant starts = at(random, 0, 350);
                int present = 5 + random.nextInt(25);
                reached = Math.min(400, reached + random.nextInt(4));
                String id = "\"activityId\":\"" + activity + "\",\"activityType\":\"" + type + "\"";
                send(
                        TRAINING,
                        "training.activity-scheduled",
                        school,
                        activity.toString(),
                        starts.minusSeconds(864_000),
                        id + ",\"seriesId\":null,\"startsAt\":\"" + starts + "\",\"endsAt\":\""
                                + starts.plusSeconds(3600) + "\",\"timeZone\":\"Asia/Almaty\",\"language\":\"kk\","
                                + "\"capacity\":null,\"audienceGroups\":[\"STUDENTS\"],\"gradeFrom\":1,\"gradeTo\":11,"
                                + "\"facilitatorIds\":[\"" + UUID.randomUUID() + "\"],\"modules\":[]");
                send(
                        TRAINING,
                        "training.attendance-recorded",
                        school,
                        activity.toString(),
                        starts.plusSeconds(3000),
                        id + ",\"presentCount\":" + present + ",\"absentCount\":2,\"excusedCount\":1,"
                                + "\"headCount\":null,\"schoolYear\":\"2026-2027\",\"studentsReachedInSchoolYear\":"
                                + reached + ",\"peopleReachedInSchoolYear\":" + (reached + 10));
                send(
                        TRAINING,
                        "training.activity-completed",
                        school,
                        activity.toString(),
                        starts.plusSeconds(3600),
                        id + ",\"seriesId\":null,\"startsAt\":\"" + starts + "\",\"registeredCount\":" + present
                                + ",\"presentCount\":" + present + ",\"absentCount\":2,\"excusedCount\":1,"
                                + "\"headCount\":null,\"participantCount\":" + present);
            }
            for (int i = 0; i < 10; i++) {
                UUID material = UUID.randomUUID();
                send(
                        TRAINING,
                        "training.material-published",
                        school,
                        material.toString(),
                        at(random, 0, 350),
                        "\"materialId\":\"" + material + "\",\"kind\":\"" + (i % 2 == 0 ? "BOOKLET" : "MEMO")
                                + "\",\"language\":\"kk\",\"audienceGroups\":[\"STUDENTS\"],\"gradeFrom\":null,"
                                + "\"gradeTo\":null,\"hasFile\":true,\"hasLink\":false");
            }
            // the trust box
            for (int i = 0; i < 60; i++) {
                UUID thread = UUID.randomUUID();
                Instant first = at(random, 0, 350);
                String id = "\"threadId\":\"" + thread + "\"";
                send(
                        CASES,
                        "cases.trust-box-message-received",
                        school,
                        thread.toString(),
                        first,
                        id + ",\"firstMessage\":true");
                send(
                        CASES,
                        "cases.trust-box-message-answered",
                        school,
                        thread.toString(),
                        first.plusSeconds(3600 + random.nextInt(86_400)),
                        id);
                send(
                        CASES,
                        "cases.trust-box-message-received",
                        school,
                        thread.toString(),
                        first.plusSeconds(172_800),
                        id + ",\"firstMessage\":false");
                if (i % 12 == 0) {
                    send(
                            CASES,
                            "cases.trust-box-safety-concern-flagged",
                            school,
                            thread.toString(),
                            first.plusSeconds(7200),
                            id);
                }
            }
            // cases: submitted, triaged, consent, agreement, follow-up, closed
            for (int i = 0; i < 100; i++) {
                UUID caseId = UUID.randomUUID();
                Instant submitted = at(random, 0, 330);
                String id = "\"caseId\":\"" + caseId + "\"";
                request(school, caseId, submitted, 2, random.nextInt(8) == 0 ? 1 : 0, random.nextInt(10) == 0 ? 1 : 0);
                boolean peer = random.nextBoolean();
                send(
                        CASES,
                        "cases.request-triaged",
                        school,
                        caseId.toString(),
                        submitted.plusSeconds(7200),
                        id + ",\"decision\":\""
                                + (peer ? "ACCEPT_FOR_PEER_MEDIATION" : "ACCEPT_FOR_COORDINATOR_MEDIATION")
                                + "\",\"mediatedBy\":\"" + (peer ? "PEER_MEDIATORS" : "COORDINATORS")
                                + "\",\"status\":\"TRIAGED\"");
                send(
                        CASES,
                        "cases.consent-given",
                        school,
                        caseId.toString(),
                        submitted.plusSeconds(86_400),
                        id + ",\"partyId\":\"" + UUID.randomUUID() + "\",\"guardian\":false,\"onBehalf\":false,"
                                + "\"status\":\"AWAITING_CONSENT\"");
                Instant agreed = submitted.plusSeconds(86_400L * (2 + random.nextInt(10)));
                send(
                        CASES,
                        "cases.agreement-signed-by-all",
                        school,
                        caseId.toString(),
                        agreed,
                        id + ",\"commitmentCount\":2,\"followUpDate\":\"2027-06-01\"");
                String[] results = {"KEPT", "PARTLY_KEPT", "NOT_KEPT"};
                String result = results[random.nextInt(3)];
                Instant followUp = agreed.plusSeconds(86_400L * 14);
                send(
                        CASES,
                        "cases.follow-up-recorded",
                        school,
                        caseId.toString(),
                        followUp,
                        id + ",\"result\":\"" + result + "\"");
                send(
                        CASES,
                        "cases.case-closed",
                        school,
                        caseId.toString(),
                        followUp.plusSeconds(60),
                        id + ",\"status\":\"CLOSED\",\"outcome\":\"AGREEMENT_"
                                + (result.equals("KEPT")
                                        ? "KEPT"
                                        : result.equals("PARTLY_KEPT") ? "PARTLY_KEPT" : "NOT_KEPT")
                                + "\",\"submitterId\":null");
            }
            // consultations
            for (int i = 0; i < 40; i++) {
                UUID consultation = UUID.randomUUID();
                Instant asked = at(random, 0, 350);
                String kind = i % 2 == 0 ? "CONSULTATION" : "QUESTION";
                String id = "\"consultationId\":\"" + consultation + "\",\"kind\":\"" + kind + "\"";
                send(CASES, "cases.consultation-requested", school, consultation.toString(), asked, id);
                send(
                        CASES,
                        "cases.consultation-answered",
                        school,
                        consultation.toString(),
                        asked.plusSeconds(86_400),
                        id + ",\"inMeeting\":false,\"peerAdvice\":" + (i % 4 == 0) + ",\"askerId\":\""
                                + UUID.randomUUID() + "\"");
                send(
                        CASES,
                        "cases.consultation-closed",
                        school,
                        consultation.toString(),
                        asked.plusSeconds(90_000),
                        id + ",\"status\":\"CLOSED\"");
            }
        }

        /** A request-submitted; returns its event id. */
        UUID request(String school, UUID caseId, Instant at, int students, int teachers, int parents) {
            int adults = teachers + parents;
            return send(
                    CASES,
                    "cases.request-submitted",
                    school,
                    caseId.toString(),
                    at,
                    "\"caseId\":\"" + caseId + "\",\"kind\":\"MEDIATION\",\"channel\":\"ONLINE_FORM\","
                            + "\"urgency\":\"NORMAL\",\"partyCount\":" + (students + adults) + ",\"adultParty\":"
                            + (adults > 0) + ",\"studentParties\":" + students + ",\"teacherParties\":" + teachers
                            + ",\"parentParties\":" + parents + ",\"otherAdultParties\":0");
        }

        private UUID send(String topic, String what, String school, String key, Instant at, String fields) {
            UUID id = UUID.randomUUID();
            String type = "kz.senim." + what + ".v1";
            byte[] payload = ("{\"eventId\":\"" + id + "\",\"schoolId\":\"" + school + "\",\"occurredAt\":\"" + at
                            + "\"," + fields + "}")
                    .getBytes(StandardCharsets.UTF_8);
            if (check) {
                EventContracts.assertConforms(type, payload);
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
            record.headers()
                    .add(new RecordHeader("ce_specversion", bytes("1.0")))
                    .add(new RecordHeader("ce_id", bytes(id.toString())))
                    .add(new RecordHeader("ce_type", bytes(type)))
                    .add(new RecordHeader("ce_schoolid", bytes(school)))
                    .add(new RecordHeader("ce_subject", bytes(key)))
                    .add(new RecordHeader("ce_time", bytes(at.toString())));
            producer.send(record);
            sent++;
            return id;
        }

        private static Instant at(Random random, int fromDay, int toDay) {
            return YEAR_START.plusSeconds(
                    86_400L * (fromDay + random.nextInt(toDay - fromDay)) + random.nextInt(36_000) + 10_800);
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
