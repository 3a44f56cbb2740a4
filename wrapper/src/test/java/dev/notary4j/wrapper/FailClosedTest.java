package dev.notary4j.wrapper;

import static dev.notary4j.wrapper.support.PublishedRepositories.APP;
import static dev.notary4j.wrapper.support.PublishedRepositories.V1;
import static dev.notary4j.wrapper.support.WrapperHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.testkit.FreePorts;
import dev.notary4j.testkit.TestClock;
import dev.notary4j.wrapper.support.PublishedRepositories;
import dev.notary4j.wrapper.support.TamperingProxy;
import dev.notary4j.wrapper.support.WrapperHarness;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampered, rolled-back and expired trust data, untrusted roots and unreachable servers never give a 200, and the
 * cache refreshes by timestamp, once per GUN, and survives restarts. A proxy between the wrapper and the Go
 * notary-server rewrites what the wrapper sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailClosedTest {
    private static final String SERVER = "proxied:4443";
    private static final String LIST_V1 = "{\"GUN\":\"" + APP + "\",\"Tag\":\"v1\",\"notaryServer\":\"" + SERVER + "\"}";

    @TempDir
    static Path work;
    private PublishedRepositories repos;
    private TamperingProxy proxy;
    private WrapperHarness wrapper;
    private int runs;

    @BeforeAll
    void start() throws IOException {
        repos = PublishedRepositories.start(work.resolve("go"));
        proxy = new TamperingProxy(repos.server().url(), repos.pki().clientSslContext());
    }

    @AfterEach
    void stopWrapper() {
        if (wrapper != null) {
            wrapper.close();
            wrapper = null;
        }
        proxy.rewrites.clear();
        proxy.requests.clear();
        proxy.down = false;
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (repos != null) {
            repos.close();
        }
    }

    /** A wrapper with a fresh trust directory (unless given) in front of the proxy. */
    private WrapperHarness wrapper(ObjectNode config, Clock clock) {
        wrapper = WrapperHarness.start(work.resolve("wrapper" + runs++), config, clock);
        return wrapper;
    }

    private static ObjectNode config() {
        return WrapperHarness.tofuConfig(SERVER, "", null).put("failure_status", 503).put("max_body_bytes", 4096);
    }

    private ObjectNode proxied() {
        ObjectNode config = config();
        ((ObjectNode) config.get("notary_servers").get(0)).put("url", proxy.url());
        return config;
    }

    private static void assertDenied(HttpResponse<String> response) {
        assertThat(response.statusCode()).isNotEqualTo(200).isIn(503, 404);
        assertThat(response.body()).doesNotContain("\"Digest\"");
    }

    @Test
    void tamperedTargetsAreRefused() {
        proxy.rewrites.put("targets", bytes -> new String(bytes, StandardCharsets.UTF_8)
                .replace("\"length\":100", "\"length\":101").getBytes(StandardCharsets.UTF_8));
        wrapper(proxied(), Clock.systemUTC());
        HttpResponse<String> response = wrapper.post("/list", LIST_V1);
        assertDenied(response);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("code").asText()).isEqualTo("503");
        assertThat(wrapper.metric("wrapper_refresh_failures_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void rolledBackTimestampIsRefused() {
        AtomicReference<byte[]> first = new AtomicReference<>();
        proxy.rewrites.put("timestamp", bytes -> {
            first.compareAndSet(null, bytes);
            return bytes;
        });
        ObjectNode config = proxied();
        config.putObject("cache").put("ttl", "0");
        wrapper(config, Clock.systemUTC());
        assertThat(wrapper.post("/list", LIST_V1).statusCode()).isEqualTo(200);

        repos.publisher().run("addhash", APP, "v3", "300", "--sha256", "c3".repeat(32), "-p").requireSuccess();
        String listV3 = LIST_V1.replace("\"v1\"", "\"v3\"");
        assertThat(wrapper.post("/list", listV3).statusCode()).isEqualTo(200);

        byte[] old = first.get();
        proxy.rewrites.put("timestamp", bytes -> old);
        assertDenied(wrapper.post("/list", listV3));
        assertDenied(wrapper.post("/list", LIST_V1));
    }

    @Test
    void expiredTimestampIsRefusedEvenWhenCached() {
        TestClock clock = TestClock.at(Instant.now());
        wrapper(proxied(), clock);
        assertThat(wrapper.post("/list", LIST_V1).statusCode()).isEqualTo(200);
        // notary-server's timestamps last 14 days: past that the cached state is unusable and so is the server's.
        clock.advance(Duration.ofDays(15));
        assertDenied(wrapper.post("/list", LIST_V1));
    }

    @Test
    void aServerGoingDownIsBridgedByTheVerifiedTimestampUntilItExpires() {
        TestClock clock = TestClock.at(Instant.now());
        wrapper(proxied(), clock);
        assertThat(wrapper.post("/list", LIST_V1).statusCode()).isEqualTo(200);
        proxy.down = true;
        // As notary's client: a network failure falls back to the cached, still valid timestamp.
        clock.advance(Duration.ofMinutes(5));
        assertThat(wrapper.post("/list", LIST_V1).statusCode()).isEqualTo(200);
        assertThat(proxy.count("timestamp")).isEqualTo(2);
        clock.advance(Duration.ofDays(15));
        assertDenied(wrapper.post("/list", LIST_V1));
    }

    @Test
    void notaryServerNotOnTheAllowListIsNeverContacted() {
        wrapper(proxied(), Clock.systemUTC());
        String body = LIST_V1.replace(SERVER, "127.0.0.1:" + proxy.url().replaceAll(".*:", ""));
        HttpResponse<String> response = wrapper.post("/list", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(proxy.requests).isEmpty();
    }

    @Test
    void unreachableServerIsTheFailureStatus() {
        ObjectNode config = config();
        ((ObjectNode) config.get("notary_servers").get(0)).put("url", "http://127.0.0.1:" + FreePorts.pick());
        wrapper(config, Clock.systemUTC());
        HttpResponse<String> response = wrapper.post("/list", LIST_V1);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("info").asText()).contains("offline");
    }

    @Test
    void withoutTofuAnUnpinnedRootIsRefusedAndAPinnedOneAccepted() throws IOException {
        ObjectNode untrusting = proxied();
        untrusting.putObject("trust_pinning").put("tofu", false);
        wrapper(untrusting, Clock.systemUTC());
        assertDenied(wrapper.post("/list", LIST_V1));
        wrapper.close();

        ObjectNode pinned = proxied();
        pinned.putObject("trust_pinning").putObject("certs").putArray(APP).add(publishedRootKeyId());
        wrapper(pinned, Clock.systemUTC());
        assertThat(json(wrapper.post("/list", LIST_V1)).get("Digest").asText()).isEqualTo(V1);
        wrapper.close();

        ObjectNode wrong = proxied();
        wrong.putObject("trust_pinning").putObject("certs").putArray(APP).add("0".repeat(64));
        wrapper(wrong, Clock.systemUTC());
        assertDenied(wrapper.post("/list", LIST_V1));
    }

    private String publishedRootKeyId() throws IOException {
        Path root = repos.publisher().trustDir().resolve("tuf").resolve(APP).resolve("metadata/root.json");
        return WrapperHarness.JSON.readTree(Files.readAllBytes(root)).at("/signed/roles/root/keyids/0").asText();
    }

    @Test
    void concurrentColdRequestsShareOneUpdateAndTheTtlRefreshFetchesTheTimestampFirst() {
        TestClock clock = TestClock.at(Instant.now());
        wrapper(proxied(), clock);
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> wrapper.post("/list", LIST_V1))).toList();
        calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(200));
        assertThat(proxy.count("timestamp")).isEqualTo(1);
        assertThat(proxy.count("root")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        wrapper.post("/list", LIST_V1);
        assertThat(proxy.count("timestamp")).as("within the TTL").isEqualTo(1);

        long snapshots = proxy.count("snapshot");
        clock.advance(Duration.ofSeconds(31));
        assertThat(wrapper.post("/list", LIST_V1).statusCode()).isEqualTo(200);
        assertThat(proxy.count("timestamp")).isEqualTo(2);
        assertThat(proxy.count("snapshot")).as("unchanged snapshot comes from the cache").isEqualTo(snapshots);
        assertThat(proxy.requests.get(proxy.requests.size() - 1)).isEqualTo("timestamp");
    }

    @Test
    void aRestartKeepsTheTrustedRootOnDisk() {
        ObjectNode config = proxied();
        config.put("trust_dir", work.resolve("restart-trust").toString());
        wrapper(config, Clock.systemUTC());
        assertThat(wrapper.post("/list", LIST_V1).statusCode()).isEqualTo(200);
        wrapper.close();
        long roots = proxy.count("root");

        // TOFU off now: only the root trusted before the restart lets this succeed.
        ObjectNode restarted = proxied();
        restarted.put("trust_dir", work.resolve("restart-trust").toString());
        restarted.putObject("trust_pinning").put("tofu", false);
        wrapper(restarted, Clock.systemUTC());
        assertThat(json(wrapper.post("/list", LIST_V1)).get("Digest").asText()).isEqualTo(V1);
        assertThat(proxy.count("root")).isEqualTo(roots);
    }
}
