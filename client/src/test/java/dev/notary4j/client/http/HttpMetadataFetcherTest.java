package dev.notary4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.notary4j.testkit.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HttpMetadataFetcherTest {
    private static final String GUN = "example.com/app";
    private static final String BASE = "/v2/" + GUN + "/_trust/tuf/";

    private HttpServer server;
    private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private HttpMetadataFetcher fetcher(Optional<BasicCredentials> credentials) {
        HttpClient http = HttpClient.newHttpClient();
        return new HttpMetadataFetcher(http, url(), GUN,
                new TokenAuthenticator(http, credentials, clock, Duration.ofSeconds(5)), Duration.ofSeconds(5));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void fetchesTheFileUnderTheGunPath() throws Exception {
        server.createContext(BASE + "timestamp.json", ex -> reply(ex, 200, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(fetcher(Optional.empty()).fetch("timestamp", 100), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}");
    }

    @Test
    void refusesAnAnnouncedLengthOverTheLimit() {
        server.createContext(BASE + "timestamp.json", ex -> reply(ex, 200, new byte[101]));
        assertThatThrownBy(() -> fetcher(Optional.empty()).fetch("timestamp", 100))
                .isInstanceOfSatisfying(MaliciousServerException.class, e -> {
                    assertThat(e.limit()).isEqualTo(100);
                    assertThat(e.name()).isEqualTo("timestamp");
                });
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() throws Exception {
        server.createContext(BASE + "timestamp.json", ex -> reply(ex, 200, new byte[100]));
        assertThat(fetcher(Optional.empty()).fetch("timestamp", 100)).hasSize(100);
    }

    @Test
    @Timeout(20)
    void stopsReadingAnEndlessBodyAtTheLimit() {
        server.createContext(BASE + "timestamp.json", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length announced
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected: the client stops reading
            }
        });
        assertThatThrownBy(() -> fetcher(Optional.empty()).fetch("timestamp", 1 << 20))
                .isInstanceOf(MaliciousServerException.class);
    }

    @Test
    @Timeout(20)
    void aTricklingBodyRunsIntoTheDeadline() {
        server.createContext(BASE + "timestamp.json", ex -> {
            ex.sendResponseHeaders(200, 1000);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException clientHungUp) {
                // expected: the client gives up
            }
        });
        HttpClient http = HttpClient.newHttpClient();
        HttpMetadataFetcher fetcher = new HttpMetadataFetcher(http, url(), GUN,
                new TokenAuthenticator(http, Optional.empty(), clock, Duration.ofSeconds(1)), Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch("timestamp", 1 << 20)).isInstanceOf(NetworkException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void mapsStatusesLikeNotary() {
        server.createContext(BASE + "missing.json", ex -> reply(ex, 404, new byte[0]));
        server.createContext(BASE + "broken.json", ex -> reply(ex, 503, new byte[0]));
        server.createContext(BASE + "bad.json", ex -> reply(ex, 400, "nope".getBytes(StandardCharsets.UTF_8)));
        HttpMetadataFetcher fetcher = fetcher(Optional.empty());
        assertThatThrownBy(() -> fetcher.fetch("missing", 10)).isInstanceOf(MetadataNotFoundException.class);
        assertThatThrownBy(() -> fetcher.fetch("broken", 10))
                .isInstanceOfSatisfying(ServerUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThatThrownBy(() -> fetcher.fetch("bad", 10))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.detail()).isEqualTo("nope"));
    }

    @Test
    void unreachableServerIsANetworkProblem() throws Exception {
        HttpMetadataFetcher fetcher = fetcher(Optional.empty());
        server.stop(0);
        assertThatThrownBy(() -> fetcher.fetch("timestamp", 10))
                .isInstanceOfSatisfying(NetworkException.class, e -> assertThat(e.isNetworkProblem()).isTrue());
    }

    @Test
    void answersABearerChallengeAndReusesTheTokenForItsLifetime() throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        List<String> tokenQueries = new CopyOnWriteArrayList<>();
        server.createContext("/auth", ex -> {
            tokenRequests.incrementAndGet();
            tokenQueries.add(ex.getRequestURI().getQuery());
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            reply(ex, 200, ("{\"token\":\"tok" + tokenRequests.get() + "\",\"expires_in\":300}")
                    .getBytes(StandardCharsets.UTF_8));
        });
        server.createContext(BASE + "timestamp.json", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer tok")) {
                ex.getResponseHeaders().add("WWW-Authenticate",
                        "Bearer realm=\"" + url() + "/auth\",service=\"notary-server\"");
                reply(ex, 401, new byte[0]);
                return;
            }
            reply(ex, 200, auth.getBytes(StandardCharsets.UTF_8));
        });
        HttpMetadataFetcher fetcher = fetcher(Optional.of(new BasicCredentials("alice", "secret")));

        assertThat(new String(fetcher.fetch("timestamp", 100), StandardCharsets.UTF_8)).isEqualTo("Bearer tok1");
        assertThat(new String(fetcher.fetch("timestamp", 100), StandardCharsets.UTF_8)).isEqualTo("Bearer tok1");
        assertThat(tokenRequests).hasValue(1);
        assertThat(tokenQueries.get(0)).isEqualTo("service=notary-server&scope=repository:example.com/app:pull");
        assertThat(authorizations.get(0)).isEqualTo(new BasicCredentials("alice", "secret").authorizationHeader());

        clock.advance(Duration.ofSeconds(301));
        assertThat(new String(fetcher.fetch("timestamp", 100), StandardCharsets.UTF_8)).isEqualTo("Bearer tok2");
        assertThat(tokenRequests).hasValue(2);
    }

    @Test
    void aRefusedTokenIsUnauthorized() {
        server.createContext("/auth", ex -> reply(ex, 401, new byte[0]));
        server.createContext(BASE + "timestamp.json", ex -> {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + url() + "/auth\",service=\"s\"");
            reply(ex, 401, new byte[0]);
        });
        assertThatThrownBy(() -> fetcher(Optional.empty()).fetch("timestamp", 100))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.isNetworkProblem()).isFalse());
    }
}
