package kz.senim.local.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one load tool of the benchmark: the JDK's HTTP client, HTTP/1.1 with kept-alive connections,
 * closed loop (each worker sends its next request when the previous one answered). The same tool and
 * settings for the service directly and for the gateway.
 */
final class HttpLoad {

    /** What one run measured. */
    record Result(int workers, long requests, long errors, double seconds, Latencies latencies) {
        double throughput() {
            return requests / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Sends GET {@code url} with the bearer token from {@code workers} threads for {@code duration}. */
    Result run(String url, String token, int workers, Duration duration) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread[] threads = new Thread[workers];
        long started = System.nanoTime();
        for (int i = 0; i < workers; i++) {
            threads[i] = Thread.ofPlatform().name("load-" + i).start(() -> {
                Latencies mine = new Latencies();
                while (running.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    mine.add(System.nanoTime() - t0);
                }
                latencies.addAll(mine);
            });
        }
        Thread.sleep(duration);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(workers, latencies.count(), errors.get(), seconds, latencies);
    }
}
