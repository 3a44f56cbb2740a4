package dev.notary4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.testkit.GoNotaryServer.KeyAlgorithm;
import dev.notary4j.testkit.PostgresDatabases.GoSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the launchers and the CLI wrapper against the real Go notary 0.7 binaries. */
class GoNotaryStackTest {
    private static final String GUN = "example.com/testkit/app";

    @TempDir
    Path dir;

    @Test
    void memoryStackPublishesTargetsAndRotatesRootThenLeavesNoProcess() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        long signerPid;
        long serverPid;
        try (GoNotarySigner signer = GoNotarySigner.builder(pki, dir).start();
                GoNotaryServer server = GoNotaryServer.builder(pki, dir).remoteSigner(signer).start()) {
            signerPid = signer.pid();
            serverPid = server.pid();
            NotaryCli cli = cli(server);

            publishOneTarget(cli);
            NotaryCli.Result rotation = cli.runWithInput("yes\n", "key", "rotate", GUN, "root").requireSuccess();
            assertThat(rotation.exitCode()).isZero();
            assertThat(get(server, "2.root.json")).contains("\"_type\":\"Root\"");
            assertThat(cli.run("list", GUN).requireSuccess().stdout()).contains("hello.txt");
            assertThat(Files.readString(server.configFile())).contains("\"type\" : \"remote\"");
        }
        assertThat(isAlive(signerPid)).as("signer process").isFalse();
        assertThat(isAlive(serverPid)).as("server process").isFalse();
    }

    @Test
    void postgresStackStoresMetadataAndKeysInTheGoSchema() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestDatabase serverDb = PostgresDatabases.createWithGoSchema("testkit-go-server", GoSchema.SERVER);
                TestDatabase signerDb = PostgresDatabases.createWithGoSchema("testkit-go-signer", GoSchema.SIGNER)) {
            try (GoNotarySigner signer = GoNotarySigner.builder(pki, dir).postgres(signerDb.goUrl()).start();
                    GoNotaryServer server = GoNotaryServer.builder(pki, dir).remoteSigner(signer)
                            .postgres(serverDb.goUrl()).start()) {
                publishOneTarget(cli(server));
            }
            assertThat(count(serverDb, "SELECT count(*) FROM tuf_files WHERE gun = '" + GUN + "'"))
                    .as("root, targets, snapshot, timestamp").isEqualTo(4);
            assertThat(count(signerDb, "SELECT count(*) FROM private_keys WHERE gun = '" + GUN + "'"
                    + " AND role = 'timestamp' AND passphrase_alias = '" + GoNotarySigner.DEFAULT_ALIAS + "'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void rsaPkiAndLocalTrustServiceWithEd25519Keys() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"), KeyType.RSA);
        try (GoNotaryServer server = GoNotaryServer.builder(pki, dir).localSigner()
                .keyAlgorithm(KeyAlgorithm.ED25519).start()) {
            publishOneTarget(cli(server));
            assertThat(get(server, "timestamp.key")).contains("\"keytype\":\"ed25519\"");
        }
        // The Go signer and the Go server over mutual TLS with RSA certificates.
        try (GoNotarySigner signer = GoNotarySigner.builder(pki, dir).start();
                GoNotaryServer server = GoNotaryServer.builder(pki, dir).remoteSigner(signer).start()) {
            assertThat(get(server, "timestamp.key")).contains("\"keytype\":\"ecdsa\"");
        }
    }

    @Test
    void aServerWhoseSignerIsDownFailsWithItsLogAndStops() {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        int nobodyListens = FreePorts.pick();

        assertThatThrownBy(() -> GoNotaryServer.builder(pki, dir).remoteSigner("localhost", nobodyListens)
                .startupTimeout(Duration.ofSeconds(3)).start())
                .isInstanceOfSatisfying(PeerStartupException.class, e -> {
                    assertThat(e.peer()).isEqualTo("notary-server");
                    assertThat(e.getMessage()).contains("timestamp.key").contains(e.logFile().toString());
                });
    }

    @Test
    void aMissingBinaryIsAFailureThatNamesTheDebianPackage() {
        TestPki pki = TestPki.generate(dir.resolve("pki"));

        assertThatThrownBy(() -> GoNotarySigner.builder(pki, dir).binary("notary-signer-not-installed").start())
                .isInstanceOfSatisfying(MissingBinaryException.class, e -> {
                    assertThat(e.debianPackage()).isEqualTo("notary");
                    assertThat(e.getMessage()).contains("notary-signer-not-installed", "apt-get install notary");
                });
    }

    private NotaryCli cli(GoNotaryServer server) {
        return NotaryCli.forServer(dir.resolve("trust"), server.url(), server.pki().rootCaCert())
                .withPassphrase("testkit-passphrase");
    }

    private void publishOneTarget(NotaryCli cli) throws Exception {
        Path target = Files.writeString(dir.resolve("hello.txt"), "hello\n");
        cli.run("init", GUN).requireSuccess();
        cli.run("add", GUN, "hello.txt", target.toString()).requireSuccess();
        cli.run("publish", GUN).requireSuccess();
        NotaryCli.Result list = cli.run("list", GUN).requireSuccess();
        // sha256("hello\n") as the Go CLI prints it, and the size.
        assertThat(list.stdout()).contains("hello.txt")
                .contains("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03").contains(" 6 ");
    }

    /** GET /v2/GUN/_trust/tuf/FILE over HTTPS, trusting the PKI's root CA; fails unless 200. */
    private static String get(GoNotaryServer server, String file) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(server.pki().clientSslContext()).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(server.url() + "/v2/" + GUN + "/_trust/tuf/" + file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + file + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static int count(TestDatabase db, String sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }
}
