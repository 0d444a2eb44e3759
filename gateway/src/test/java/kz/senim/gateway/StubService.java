package kz.senim.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for one Senim service. It answers every call with 200 and remembers
 * what it received, keyed by path, so a test can check what the gateway forwarded.
 */
final class StubService {

    record Received(String method, String path, Headers headers) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }
    }

    /** Calls to this path, and to any other ending in /slow, take longer than the gateway waits in tests. */
    static final String SLOW_PATH = "/api/cases/slow";

    /** How long the slow paths take: far longer than any response timeout of the tests. */
    static final int SLOW_SECONDS = 15;

    /** A file upload answered after 6 s: longer than the global response timeout of the tests, within its route's. */
    static final String SLOW_UPLOAD_PATH = "/api/materials/slow/file";

    private final String name;
    private final int port;
    private volatile HttpServer server;
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final Map<String, String> fixedAnswers = new ConcurrentHashMap<>();
    private final Map<String, Integer> fixedStatuses = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> fixedHeaders = new ConcurrentHashMap<>();

    StubService(String name) {
        this.name = name;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) {
        HttpServer listening;
        try {
            listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listening.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        listening.createContext("/", this::answer);
        listening.start();
        return listening;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The service goes down: its port refuses connections until {@link #start()}. */
    void stop() {
        server.stop(0);
    }

    /** The service comes back on the same port. */
    void start() {
        server = listen(port);
    }

    /** Answers {@code path} with this status (and the default body). */
    void answerStatus(String path, int status) {
        fixedStatuses.put(path, status);
    }

    /** Adds a response header to the answers at {@code path}. */
    void answerHeader(String path, String header, String value) {
        fixedHeaders.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(header, value);
    }

    /** Serves {@code body} as JSON at {@code path} instead of the default answer. */
    void answer(String path, String body) {
        fixedAnswers.put(path, body);
    }

    Optional<Received> received(String path) {
        return Optional.ofNullable(received.get(path));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.put(path, new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders()));
            if (path.endsWith("/slow")) {
                Thread.sleep(SLOW_SECONDS * 1_000L);
            }
            if (path.equals(SLOW_UPLOAD_PATH)) {
                Thread.sleep(6_000);
            }
            byte[] answer = fixedAnswers
                    .getOrDefault(path, "{\"service\":\"" + name + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            fixedHeaders.getOrDefault(path, Map.of()).forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(fixedStatuses.getOrDefault(path, 200), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
