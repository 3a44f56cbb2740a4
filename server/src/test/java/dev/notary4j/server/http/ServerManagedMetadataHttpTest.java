package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.server.MovableClock;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET timestamp.json / snapshot.json regenerate what expired (spec §6.2), store it with a changefeed entry, and serve
 * the stored files unchanged while they are valid. The notary CLI verifies the regenerated files.
 */
class ServerManagedMetadataHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUN = "example.com/regen";

    @Test
    void expiredTimestampAndSnapshotAreRegeneratedOnGet(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.start(pki, config -> { }, clock)) {
            NotaryCli cli = NotaryCli.forServer(dir.resolve("trust"), server.url(), pki.rootCaCert())
                    .withPassphrase("regen-passphrase");
            cli.run("init", GUN).requireSuccess();
            cli.run("key", "rotate", GUN, "snapshot", "-r").requireSuccess();
            cli.run("publish", GUN).requireSuccess();
            String timestampPath = "/v2/" + GUN + "/_trust/tuf/timestamp.json";
            JsonNode first = signed(server.get(timestampPath).body());
            assertThat(server.get(timestampPath).body()).as("valid timestamp served unchanged")
                    .isEqualTo(server.get(timestampPath).body());
            int changes = changefeedCount(server);

            clock.advance(Duration.ofDays(15));
            JsonNode renewed = signed(server.get(timestampPath).body());
            assertThat(renewed.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
            assertThat(Instant.parse(renewed.get("expires").asText())).isAfter(clock.instant().plus(Duration.ofDays(13)));
            assertThat(renewed.get("meta")).as("same snapshot").isEqualTo(first.get("meta"));
            assertThat(changefeedCount(server)).isEqualTo(changes + 1);
            assertThat(signed(server.get(timestampPath).body())).isEqualTo(renewed);

            JsonNode snapshotBefore = signed(server.get("/v2/" + GUN + "/_trust/tuf/snapshot.json").body());
            clock.advance(Duration.ofDays(4 * 365));
            JsonNode snapshotAfter = signed(server.get("/v2/" + GUN + "/_trust/tuf/snapshot.json").body());
            assertThat(snapshotAfter.get("version").asInt()).isEqualTo(snapshotBefore.get("version").asInt() + 1);
            assertThat(snapshotAfter.get("meta")).isEqualTo(snapshotBefore.get("meta"));
            assertThat(signed(server.get(timestampPath).body()).get("version").asInt())
                    .isEqualTo(renewed.get("version").asInt() + 1);
        }
    }

    @Test
    void regeneratedTimestampIsAcceptedByTheNotaryClient(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.start(pki, config -> { }, clock)) {
            NotaryCli cli = NotaryCli.forServer(dir.resolve("trust"), server.url(), pki.rootCaCert())
                    .withPassphrase("regen-passphrase");
            cli.run("init", GUN).requireSuccess();
            cli.run("publish", GUN).requireSuccess();
            // With the server's clock 15 days ahead, the reader's GET regenerates the expired timestamp, which the
            // client (on the real clock) must accept.
            clock.advance(Duration.ofDays(15));
            NotaryCli reader = NotaryCli.forServer(dir.resolve("reader"), server.url(), pki.rootCaCert());
            reader.run("list", GUN).requireSuccess();
            assertThat(changefeedCount(server)).isEqualTo(2);
        }
    }

    private static JsonNode signed(String file) throws Exception {
        return JSON.readTree(file).get("signed");
    }

    private static int changefeedCount(TestServer server) throws Exception {
        return JSON.readTree(server.get("/v2/" + GUN + "/_trust/changefeed?records=100").body()).get("count").asInt();
    }
}
