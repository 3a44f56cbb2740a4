package dev.notary4j.server.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server replicas on one PostgreSQL database, each with its read cache: a publish through replica A becomes
 * visible on replica B within the bound, and B never serves a targets file that the timestamp it serves afterwards
 * does not vouch for (through the snapshot that timestamp lists).
 */
class ReplicaCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUN = "example.com/replicas/app";

    @Test
    void otherReplicaServesThePublishWellBeforeTheBackstopThanksToNotifications(@TempDir Path dir) throws Exception {
        // max-age 300: entries may live for the 5 s backstop, so seeing the update in under 2 s proves NOTIFY works.
        long visibleAfterMillis = publishThroughAWhileReadingB(dir, 300);
        assertThat(visibleAfterMillis).isLessThan(2_000);
    }

    @Test
    void otherReplicaNeverServesCurrentMetadataLongerThanMaxAge(@TempDir Path dir) throws Exception {
        long visibleAfterMillis = publishThroughAWhileReadingB(dir, 1);
        assertThat(visibleAfterMillis).isLessThanOrEqualTo(1_000);
    }

    /** Returns how long after A's publish returned B first served the new targets. */
    private static long publishThroughAWhileReadingB(Path dir, int currentMaxAgeSeconds) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestDatabase database = PostgresDatabases.create("server-replica-cache");
             TestServer a = replica(pki, database, currentMaxAgeSeconds);
             TestServer b = replica(pki, database, currentMaxAgeSeconds)) {
            NotaryCli publisher = NotaryCli.forServer(dir.resolve("trust"), a.url(), pki.rootCaCert())
                    .withPassphrase("replica-passphrase");
            Path payload = Files.writeString(dir.resolve("payload.txt"), "replicated\n");
            // The first TLS request of a fresh JVM can take longer than the CLI's connect timeout on a loaded machine.
            assertThat(a.get("/v2/").statusCode()).isEqualTo(200);
            assertThat(b.get("/v2/").statusCode()).isEqualTo(200);
            publisher.run("init", GUN).requireSuccess();
            publisher.run("add", GUN, "v1", payload.toString()).requireSuccess();
            publisher.run("publish", GUN).requireSuccess();

            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicLong sawV2At = new AtomicLong();
            List<String> violations = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    JsonNode targets = signed(b.get(path("targets.json")));
                    JsonNode timestamp = signed(b.get(path("timestamp.json")));
                    String snapshotSha = hex(timestamp.at("/meta/snapshot/hashes/sha256").asText());
                    JsonNode snapshot = signed(b.get(path("snapshot." + snapshotSha + ".json")));
                    String targetsSha = hex(snapshot.at("/meta/targets/hashes/sha256").asText());
                    int served = targets.get("version").asInt();
                    int vouched = signed(b.get(path("targets." + targetsSha + ".json"))).get("version").asInt();
                    if (served > vouched) {
                        violations.add("targets v" + served + " served before a timestamp vouching only for v" + vouched);
                    }
                    if (targets.at("/targets/v2").isObject()) {
                        sawV2At.compareAndSet(0, System.nanoTime());
                    }
                }
            }, "replica-b-reader");
            reader.start();
            Thread.sleep(300);  // B has cached v1 by now

            publisher.run("add", GUN, "v2", payload.toString()).requireSuccess();
            publisher.run("publish", GUN).requireSuccess();
            long published = System.nanoTime();
            long deadline = published + 10_000_000_000L;
            while (sawV2At.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            reading.set(false);
            reader.join();

            assertThat(violations).isEmpty();
            assertThat(sawV2At.get()).as("B eventually serves the new targets").isNotZero();
            return Math.max(0, (sawV2At.get() - published) / 1_000_000);
        }
    }

    private static TestServer replica(TestPki pki, TestDatabase database, int currentMaxAgeSeconds) {
        return TestServer.start(pki, config -> {
            config.putObject("storage").put("backend", "postgres").put("db_url", database.goUrl());
            config.putObject("caching").putObject("max_age").put("current_metadata", currentMaxAgeSeconds);
        });
    }

    private static String hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    private static String path(String file) {
        return "/v2/" + GUN + "/_trust/tuf/" + file;
    }

    private static JsonNode signed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body()).get("signed");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
