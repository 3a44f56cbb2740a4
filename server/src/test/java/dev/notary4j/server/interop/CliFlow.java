package dev.notary4j.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The real Go {@code notary} CLI against our server: init, add, publish, list from a second client, server-managed
 * snapshot, remote delete. The CLI verifies every signature the server makes, so a pass proves the generated
 * snapshot/timestamp are valid TUF for Go clients.
 */
final class CliFlow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliFlow() {
    }

    static void run(TestServer server, TestPki pki, Path dir, String gun) throws Exception {
        NotaryCli publisher = NotaryCli.forServer(dir.resolve("trust-publisher"), server.url(), pki.rootCaCert())
                .withPassphrase("cli-flow-passphrase");
        NotaryCli reader = NotaryCli.forServer(dir.resolve("trust-reader"), server.url(), pki.rootCaCert())
                .withPassphrase("cli-flow-passphrase");

        assertThat(reader.run("list", gun).succeeded()).as("list of an unknown GUN fails").isFalse();

        publisher.run("init", gun).requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        Path payload = Files.writeString(dir.resolve("payload.txt"), "hello notary4j\n");
        publisher.run("add", gun, "v1", payload.toString()).requireSuccess();
        publisher.run("publish", gun).requireSuccess();

        String listing = reader.run("list", gun).requireSuccess().stdout();
        assertThat(listing).contains("v1").contains(sha256Hex(Files.readAllBytes(payload)));

        // Current and consistent routes with their caching headers.
        HttpResponse<String> timestamp = server.get("/v2/" + gun + "/_trust/tuf/timestamp.json");
        assertThat(timestamp.statusCode()).isEqualTo(200);
        assertThat(timestamp.headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=300, s-maxage=300, must-revalidate");
        assertThat(timestamp.headers().firstValue("Last-Modified")).isPresent();
        JsonNode timestampSigned = JSON.readTree(timestamp.body()).get("signed");
        assertThat(timestampSigned.get("version").asInt()).isEqualTo(2);
        String snapshotSha = HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(
                timestampSigned.at("/meta/snapshot/hashes/sha256").asText()));
        HttpResponse<String> snapshot = server.get("/v2/" + gun + "/_trust/tuf/snapshot." + snapshotSha + ".json");
        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(snapshot.headers().firstValue("Cache-Control")).hasValue("public, max-age=2592000, s-maxage=2592000");
        assertThat(sha256Hex(snapshot.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(snapshotSha);
        assertThat(server.get("/v2/" + gun + "/_trust/tuf/2.targets.json").statusCode()).isEqualTo(200);

        // Every stored timestamp is in the changefeed.
        JsonNode feed = JSON.readTree(server.get("/v2/" + gun + "/_trust/changefeed?records=10").body());
        assertThat(feed.get("count").asInt()).isEqualTo(2);
        assertThat(feed.get("records").get(1).get("Version").asInt()).isEqualTo(2);
        assertThat(feed.get("records").get(1).get("Category").asText()).isEqualTo("update");

        // Hand the snapshot key to the server; publishing then relies on a server-generated snapshot.
        publisher.run("key", "rotate", gun, "snapshot", "-r").requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        publisher.run("add", gun, "v2", payload.toString()).requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        assertThat(reader.run("list", gun).requireSuccess().stdout()).contains("v1").contains("v2");

        publisher.run("delete", gun, "--remote").requireSuccess();
        assertThat(server.get("/v2/" + gun + "/_trust/tuf/root.json").statusCode()).isEqualTo(404);
        assertThat(server.get("/v2/" + gun + "/_trust/tuf/timestamp.json").statusCode()).isEqualTo(404);
        NotaryCli fresh = NotaryCli.forServer(dir.resolve("trust-fresh"), server.url(), pki.rootCaCert());
        assertThat(fresh.run("list", gun).succeeded()).isFalse();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
