package dev.notary4j.bench;

import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.wrapper.Wrapper;
import dev.notary4j.wrapper.config.SettingsLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /list} with a tag, as the OPA mutating policy sends it, against a GUN the Go CLI published to a Go
 * notary-server: the wrapper with the repository cached, the wrapper re-verifying on every request (TTL 0: one
 * timestamp fetch plus verification from the disk cache), the wrapper's first request with an empty trust
 * directory, and notary-wrapper's design (one {@code notary list} process per request, shared trust directory).
 *
 * <p>Run: {@code bench/wrapper.sh [seconds] [threads]}. Prints a Markdown table.
 */
public final class WrapperBenchmark {
    private static final String GUN = "example.com/bench/app";
    private static final String SERVER = "notary-server-svc.notary.svc:4443";

    private record Result(String name, int count, double seconds, long[] sortedNanos) {
        double perSecond() {
            return count / seconds;
        }

        double percentileMillis(double p) {
            return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p))] / 1e6;
        }
    }

    /**
     * A minimal HTTP/1.1 keep-alive client on one socket: the JDK's HttpClient costs more CPU per request than the
     * cached answer, and the load generator shares the machine with the wrapper.
     */
    private static final class KeepAliveClient {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.DataInputStream in;

        KeepAliveClient(int port) {
            try {
                socket = new java.net.Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                out = new java.io.BufferedOutputStream(socket.getOutputStream());
                in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Sends the request and reads the whole response; fails unless the status is 200. */
        void post(String path, String body) throws java.io.IOException {
            byte[] content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String status = line();
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            in.readFully(new byte[length]);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(status);
            }
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException();
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path work = Files.createTempDirectory("wrapper-bench");
        TestPki pki = TestPki.generate(work.resolve("pki"));
        List<Result> results = new ArrayList<>();
        try (GoNotaryServer server = GoNotaryServer.builder(pki, work.resolve("server")).localSigner().logLevel("error").start()) {
            NotaryCli publisher = NotaryCli.forServer(work.resolve("publisher"), server.url(), pki.rootCaCert()).withPassphrase("pw");
            publisher.run("init", GUN).requireSuccess();
            for (int i = 0; i < 20; i++) {
                publisher.run("addhash", GUN, "v" + i, "100", "--sha256", String.format("%064x", i + 1)).requireSuccess();
            }
            publisher.run("publish", GUN).requireSuccess();
            String body = "{\"GUN\":\"" + GUN + "\",\"Tag\":\"v7\",\"notaryServer\":\"" + SERVER + "\"}";
            String verifyBody = "{\"GUN\":\"" + GUN + "\",\"SHA\":\"sha256:" + String.format("%064x", 8)
                    + "\",\"notaryServer\":\"" + SERVER + "\"}";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            try (Wrapper cached = start(work.resolve("cached"), server, pki, "30s")) {
                ThreadLocal<KeepAliveClient> client = ThreadLocal.withInitial(() -> new KeepAliveClient(cached.port()));
                load(() -> client.get().post("/list", body), threads, 2);
                results.add(load("wrapper, cached (TTL 30 s)", () -> client.get().post("/list", body), threads, seconds));
                results.add(load("wrapper `/verify` (digest of v7), cached", () -> client.get().post("/verify", verifyBody),
                        threads, seconds));
            }
            try (Wrapper cold = start(work.resolve("cold"), server, pki, "0")) {
                ThreadLocal<KeepAliveClient> client = ThreadLocal.withInitial(() -> new KeepAliveClient(cold.port()));
                load(() -> client.get().post("/list", body), threads, 2);
                results.add(load("wrapper, TTL 0 (timestamp fetch + verify each request)",
                        () -> client.get().post("/list", body), threads, seconds));
                results.add(load("wrapper `/verify`, TTL 0", () -> client.get().post("/verify", verifyBody), threads,
                        seconds));
            }
            results.add(firstUse(work, server, pki, body, http, 20));
            NotaryCli reader = NotaryCli.forServer(work.resolve("cli-trust"), server.url(), pki.rootCaCert());
            reader.run("list", GUN).requireSuccess();
            results.add(load("notary-wrapper design: one `notary list` process per request",
                    () -> reader.run("list", GUN).requireSuccess(), threads, seconds));
        }
        System.out.printf("%nPOST /list {GUN, Tag, notaryServer} (and /verify {GUN, SHA, notaryServer} where named), %d client"
                + " threads, %d s per run, Go notary-server 0.7%n%n",
                threads, seconds);
        System.out.println("| setup | requests | req/s | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf("| %s | %d | %.0f | %.3f | %.3f |%n", r.name(), r.count(), r.perSecond(),
                    r.percentileMillis(0.5), r.percentileMillis(0.99));
        }
        Result cli = results.get(results.size() - 1);
        Result cached = results.get(0);
        double p50Ratio = cli.percentileMillis(0.5) / cached.percentileMillis(0.5);
        System.out.printf("%ncached vs one CLI process per request: p50 %.0fx lower, throughput %.0fx higher%n%n",
                p50Ratio, cached.perSecond() / cli.perSecond());
        // Goal lines, gathered by bench/run-all.sh.
        System.out.printf(Locale.ROOT, "- Wrapper `/list` cached: p50 under 1 ms: **%s** (measured %.3f ms)%n",
                cached.percentileMillis(0.5) < 1 ? "met" : "NOT met", cached.percentileMillis(0.5));
        System.out.printf(Locale.ROOT, "- Wrapper `/list` cached >= 100x faster than a CLI process per request: **%s**"
                + " (measured p50 %.0fx)%n", p50Ratio >= 100 ? "met" : "NOT met", p50Ratio);
    }

    private static Wrapper start(Path dir, GoNotaryServer server, TestPki pki, String ttl) throws Exception {
        Files.createDirectories(dir);
        Path config = dir.resolve("wrapper.json");
        Files.writeString(config, """
                {"server": {"http_addr": "127.0.0.1:0"}, "trust_dir": "%s",
                 "notary_servers": [{"name": "%s", "url": "%s", "root_ca": "%s"}],
                 "trust_pinning": {"tofu": true}, "cache": {"ttl": "%s"}}
                """.formatted(dir.resolve("trust"), SERVER, server.url(), pki.rootCaCert(), ttl));
        return Wrapper.start(SettingsLoader.load(config, Map.of()), Clock.systemUTC());
    }

    private static HttpRequest listRequest(Wrapper wrapper, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wrapper.port() + "/list"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
        }
    }

    /** The first request of a wrapper with an empty trust directory (TOFU, root, timestamp, snapshot, targets). */
    private static Result firstUse(Path work, GoNotaryServer server, TestPki pki, String body, HttpClient http, int runs)
            throws Exception {
        long[] nanos = new long[runs];
        double total = 0;
        for (int i = 0; i < runs; i++) {
            try (Wrapper fresh = start(work.resolve("first-" + i), server, pki, "30s")) {
                HttpRequest request = listRequest(fresh, body);
                long start = System.nanoTime();
                check(http.send(request, HttpResponse.BodyHandlers.ofString()));
                nanos[i] = System.nanoTime() - start;
                total += nanos[i] / 1e9;
            }
        }
        Arrays.sort(nanos);
        return new Result("wrapper, first request with an empty trust dir (sequential)", runs, total, nanos);
    }

    private static Result load(String name, Call call, int threads, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[1 << 22];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        call.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    int slot = next.getAndIncrement();
                    if (slot < latencies.length) {
                        latencies[slot] = System.nanoTime() - start;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        long began = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        int count = Math.min(next.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new Result(name, count, elapsed, sorted);
    }

    private static void load(Call call, int threads, int seconds) throws InterruptedException {
        load("warm-up", call, threads, seconds);
    }
}
