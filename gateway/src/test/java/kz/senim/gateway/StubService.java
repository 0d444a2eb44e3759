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

    /** Calls to a path starting with this take longer than the gateway waits in tests. */
    static final String SLOW_PATH = "/api/cases/slow";

    private final String name;
    private final HttpServer server;
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final Map<String, String> fixedAnswers = new ConcurrentHashMap<>();

    StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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
            if (path.startsWith(SLOW_PATH)) {
                Thread.sleep(3_000);
            }
            byte[] answer = fixedAnswers
                    .getOrDefault(path, "{\"service\":\"" + name + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
