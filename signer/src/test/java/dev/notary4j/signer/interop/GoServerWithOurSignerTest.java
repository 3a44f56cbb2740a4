package dev.notary4j.signer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.signer.SignerApplication;
import dev.notary4j.signer.config.ListenAddress;
import dev.notary4j.signer.config.SignerConfig;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: the real Go notary-server 0.7 uses our signer (PostgreSQL key table) for a whole Go CLI workflow. */
class GoServerWithOurSignerTest {

    private static final String GUN = "example.com/notary4j/signer-acceptance";

    @TempDir
    Path dir;

    @Test
    void goServerPublishesAndRotatesSnapshotAndTimestampKeysThroughOurSigner() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestDatabase db = PostgresDatabases.createWithGoSchema("signer-acceptance", PostgresDatabases.GoSchema.SIGNER)) {
            SignerConfig config = new SignerConfig(new ListenAddress("127.0.0.1", 0), pki.signerCert(), pki.signerKey(),
                    Optional.of(pki.rootCaCert()), new DatabaseSettings(StorageBackend.POSTGRES, db.jdbcUrl(), "signer", true, 4),
                    Optional.of("acceptance"), "error");
            try (SignerApplication signer = SignerApplication.start(config, Map.of("NOTARY_SIGNER_ACCEPTANCE", "acceptance pass"));
                 GoNotaryServer server = GoNotaryServer.builder(pki, dir).remoteSigner("localhost", signer.port())
                         .logLevel("error").start()) {
                NotaryCli cli = NotaryCli.forServer(dir.resolve("trust"), server.url(), pki.rootCaCert())
                        .withPassphrase("acceptance-cli-passphrase");
                Path target = Files.writeString(dir.resolve("hello.txt"), "hello\n");
                cli.run("init", GUN).requireSuccess();
                cli.run("add", GUN, "hello.txt", target.toString()).requireSuccess();
                cli.run("publish", GUN).requireSuccess();
                // The Go CLI verifies the timestamp our signer signed (and everything under it).
                assertThat(cli.run("list", GUN).requireSuccess().stdout()).contains("hello.txt")
                        .contains("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");

                String timestampKeyId = onlySignature(get(server, "timestamp.json"));
                assertThat(activeKeys(db, "timestamp")).containsExactly(timestampKeyId);

                // The server takes over the snapshot key: our signer creates it and signs every snapshot from now on.
                cli.run("key", "rotate", GUN, "snapshot", "-r").requireSuccess();
                cli.run("publish", GUN).requireSuccess();
                String snapshotKeyId = onlySignature(get(server, "snapshot.json"));
                assertThat(activeKeys(db, "snapshot")).containsExactly(snapshotKeyId);

                // Server-side rotation: POST timestamp.key (a new pending key from our signer), new root, re-sign.
                cli.run("key", "rotate", GUN, "timestamp", "-r").requireSuccess();
                cli.run("add", GUN, "second.txt", target.toString()).requireSuccess();
                cli.run("publish", GUN).requireSuccess();
                String rotatedKeyId = onlySignature(get(server, "timestamp.json"));
                assertThat(rotatedKeyId).isNotEqualTo(timestampKeyId);
                assertThat(activeKeys(db, "timestamp")).containsExactlyInAnyOrder(timestampKeyId, rotatedKeyId);
                assertThat(cli.run("list", GUN).requireSuccess().stdout()).contains("second.txt");
                assertThat(onlySignature(get(server, "snapshot.json"))).isEqualTo(snapshotKeyId);

                // A client that has never seen the repository trusts it on first use and verifies everything.
                NotaryCli fresh = NotaryCli.forServer(dir.resolve("fresh-trust"), server.url(), pki.rootCaCert());
                assertThat(fresh.run("list", GUN).requireSuccess().stdout()).contains("hello.txt").contains("second.txt");
            }
        }
    }

    private static String get(GoNotaryServer server, String file) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(server.pki().clientSslContext()).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(server.url() + "/v2/" + GUN + "/_trust/tuf/" + file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + file + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String onlySignature(String metadata) throws Exception {
        JsonNode signatures = new ObjectMapper().readTree(metadata).get("signatures");
        assertThat(signatures).hasSize(1);
        return signatures.get(0).get("keyid").asText();
    }

    /** Key IDs of the GUN's keys for {@code role} that have signed (last_used set), straight from the table. */
    private static List<String> activeKeys(TestDatabase db, String role) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key_id FROM private_keys WHERE gun = '" + GUN
                     + "' AND role = '" + role + "' AND last_used IS NOT NULL AND deleted_at IS NULL")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
