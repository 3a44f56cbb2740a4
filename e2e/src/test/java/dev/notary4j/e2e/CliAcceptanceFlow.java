package dev.notary4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.testkit.DelegationKey;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole life of a repository driven by the real Go {@code notary} CLI against one server: every write command
 * the CLI has, each checked by what a second client (that cached the repository before) and a fresh one (trust on
 * first use) then see, and by the metadata the server serves.
 */
final class CliAcceptanceFlow {

    private static final String PASSPHRASE = "acceptance-flow-passphrase";
    private static final String RELEASES = "targets/releases";

    /** One row of {@code notary list}. */
    record Target(String name, String sha256, long size, String role) {
    }

    private final TestPki pki;
    private final Path dir;
    private final String serverUrl;
    private final Http http;
    private final String gun;

    private CliAcceptanceFlow(TestPki pki, Path dir, String serverUrl, String gun) {
        this.pki = pki;
        this.dir = dir;
        this.serverUrl = serverUrl;
        this.http = new Http(pki, serverUrl);
        this.gun = gun;
    }

    static void run(TestPki pki, Path dir, String serverUrl, String gun) throws Exception {
        new CliAcceptanceFlow(pki, dir, serverUrl, gun).run();
    }

    private NotaryCli client(String name) {
        return NotaryCli.forServer(dir.resolve(name), serverUrl, pki.rootCaCert()).withPassphrase(PASSPHRASE);
    }

    private void run() throws Exception {
        NotaryCli publisher = client("trust-publisher");
        NotaryCli reader = client("trust-reader");
        assertThat(reader.run("list", gun).succeeded()).as("list of an unknown GUN fails").isFalse();

        // init + add + addhash + publish
        byte[] v1 = "version one\n".getBytes(StandardCharsets.UTF_8);
        Path v1File = Files.write(dir.resolve("v1.txt"), v1);
        byte[] hashed = "only its hash is published\n".getBytes(StandardCharsets.UTF_8);
        publisher.run("init", gun).requireSuccess();
        publisher.run("add", gun, "v1", v1File.toString()).requireSuccess();
        publisher.run("addhash", gun, "hashed", String.valueOf(hashed.length), "--sha256", sha256Hex(hashed))
                .requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        assertThat(list(reader)).containsOnly(
                Map.entry("v1", new Target("v1", sha256Hex(v1), v1.length, "targets")),
                Map.entry("hashed", new Target("hashed", sha256Hex(hashed), hashed.length, "targets")));
        assertThat(http.signed(gun, "root").at("/version").asInt()).isEqualTo(1);

        // lookup + verify (stdin)
        assertThat(reader.run("lookup", gun, "v1").requireSuccess().stdout().trim().split("\\s+"))
                .containsExactly("v1", "sha256:" + sha256Hex(v1), String.valueOf(v1.length));
        assertThat(reader.runWithInput(new String(v1, StandardCharsets.UTF_8), "verify", gun, "v1")
                .requireSuccess().stdout()).isEqualTo(new String(v1, StandardCharsets.UTF_8));
        assertThat(reader.runWithInput("tampered\n", "verify", gun, "v1").succeeded())
                .as("verify rejects content that is not the published target").isFalse();

        // delegation targets/releases with an imported key, and a target signed into it
        DelegationKey delegationKey = DelegationKey.generate(dir, "releases");
        publisher.run("delegation", "add", gun, RELEASES, delegationKey.certificate().toString(), "--all-paths")
                .requireSuccess();
        publisher.run("key", "import", delegationKey.privateKey().toString(), "--role", RELEASES, "--gun", gun)
                .requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        assertThat(reader.run("delegation", "list", gun).requireSuccess().stdout()).contains(RELEASES);
        byte[] release = "release one\n".getBytes(StandardCharsets.UTF_8);
        Path releaseFile = Files.write(dir.resolve("release.txt"), release);
        publisher.run("add", gun, "r1", releaseFile.toString(), "--roles", RELEASES).requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        assertThat(list(reader)).containsEntry("r1", new Target("r1", sha256Hex(release), release.length, RELEASES))
                .containsKeys("v1", "hashed");
        JsonNode releases = http.signed(gun, RELEASES);
        assertThat(releases.at("/targets/r1/length").asLong()).isEqualTo(release.length);

        // witness: re-signs the delegation with a new version, content unchanged
        publisher.run("witness", gun, RELEASES).requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        JsonNode witnessed = http.signed(gun, RELEASES);
        assertThat(witnessed.at("/version").asInt()).isEqualTo(releases.at("/version").asInt() + 1);
        assertThat(witnessed.get("targets")).isEqualTo(releases.get("targets"));
        assertThat(list(reader)).containsKeys("r1", "v1", "hashed");

        // key rotations: targets (client-held), snapshot and timestamp (server-held), root
        String targetsKey = keyIds("targets").get(0);
        publisher.run("key", "rotate", gun, "targets").requireSuccess();
        assertThat(keyIds("targets")).hasSize(1).doesNotContain(targetsKey);
        String snapshotKey = keyIds("snapshot").get(0);
        publisher.run("key", "rotate", gun, "snapshot", "-r").requireSuccess();
        assertThat(keyIds("snapshot")).hasSize(1).doesNotContain(snapshotKey);
        assertThat(signatureKeyIds(gun, "snapshot")).isEqualTo(keyIds("snapshot"));
        String timestampKey = keyIds("timestamp").get(0);
        publisher.run("key", "rotate", gun, "timestamp", "-r").requireSuccess();
        assertThat(keyIds("timestamp")).hasSize(1).doesNotContain(timestampKey);
        assertThat(signatureKeyIds(gun, "timestamp")).isEqualTo(keyIds("timestamp"));
        String rootKey = keyIds("root").get(0);
        int rootVersion = http.signed(gun, "root").at("/version").asInt();
        publisher.runWithInput("yes\n", "key", "rotate", gun, "root").requireSuccess();
        assertThat(keyIds("root")).hasSize(1).doesNotContain(rootKey);
        assertThat(http.signed(gun, "root").at("/version").asInt()).isEqualTo(rootVersion + 1);
        // The reader cached the old root: it must follow the rotation (new root signed by old and new key).
        assertThat(list(reader)).containsKeys("r1", "v1", "hashed");

        // remove, publish with every rotated key
        publisher.run("remove", gun, "v1").requireSuccess();
        publisher.run("publish", gun).requireSuccess();
        assertThat(list(reader)).containsOnlyKeys("r1", "hashed");

        // trust on first use from an empty trust directory
        NotaryCli fresh = NotaryCli.forServer(dir.resolve("trust-fresh"), serverUrl, pki.rootCaCert());
        assertThat(list(fresh)).containsOnly(
                Map.entry("hashed", new Target("hashed", sha256Hex(hashed), hashed.length, "targets")),
                Map.entry("r1", new Target("r1", sha256Hex(release), release.length, RELEASES)));

        publisher.run("delete", gun, "--remote").requireSuccess();
        for (String role : List.of("root", "targets", "snapshot", "timestamp", RELEASES)) {
            assertThat(http.get("/v2/" + gun + "/_trust/tuf/" + role + ".json").statusCode()).as(role).isEqualTo(404);
        }
        NotaryCli afterDelete = NotaryCli.forServer(dir.resolve("trust-after-delete"), serverUrl, pki.rootCaCert());
        assertThat(afterDelete.run("list", gun).succeeded()).as("nothing is served after delete --remote").isFalse();
    }

    /** {@code notary list} parsed into rows by target name (a failing list fails the test). */
    static Map<String, Target> list(NotaryCli cli, String gun) {
        String stdout = cli.run("list", gun).requireSuccess().stdout();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 4 && columns[1].matches("[0-9a-f]{64}")) {
                targets.put(columns[0], new Target(columns[0], columns[1], Long.parseLong(columns[2]), columns[3]));
            }
        }
        return targets;
    }

    private Map<String, Target> list(NotaryCli cli) {
        return list(cli, gun);
    }

    /** Key IDs the current root lists for {@code role}. */
    private List<String> keyIds(String role) {
        List<String> ids = new ArrayList<>();
        http.signed(gun, "root").at("/roles/" + role + "/keyids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private List<String> signatureKeyIds(String gun, String role) throws IOException {
        List<String> ids = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(http.get("/v2/" + gun + "/_trust/tuf/" + role + ".json").body())
                .get("signatures").forEach(signature -> ids.add(signature.get("keyid").asText()));
        return ids;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
