package dev.notary4j.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.DelegationKey;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.PostgresDatabases.GoSchema;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drop-in on a Go deployment: the Go notary-server and ours run side by side on the same PostgreSQL database (created
 * by the Go migrations) and the same Go notary-signer. What one publishes, clients read through the other, and
 * publishing continues through either.
 */
class SharedGoDeploymentTest {

    private static final String GUN = "example.com/shared/app";
    private static final String RELEASES = "targets/releases";

    @Test
    void goAndOurServerShareDatabaseAndSigner(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestDatabase serverDb = PostgresDatabases.createWithGoSchema("server-shared", GoSchema.SERVER);
             GoNotarySigner signer = GoNotarySigner.builder(pki, dir.resolve("signer")).start();
             GoNotaryServer goServer = GoNotaryServer.builder(pki, dir.resolve("go-server")).remoteSigner(signer)
                     .postgres(serverDb.goUrl()).start();
             TestServer ours = TestServer.start(pki, config -> {
                 config.putObject("storage").put("backend", "postgres").put("db_url", serverDb.goUrl());
                 config.putObject("trust_service").put("type", "remote").put("hostname", "localhost")
                         .put("port", String.valueOf(signer.port())).put("key_algorithm", "ecdsa")
                         .put("tls_ca_file", pki.rootCaCert().toString())
                         .put("tls_client_cert", pki.signerClientCert().toString())
                         .put("tls_client_key", pki.signerClientKey().toString());
             })) {
            Path payload = Files.writeString(dir.resolve("payload.txt"), "shared\n");
            NotaryCli viaGo = NotaryCli.forServer(dir.resolve("publisher"), goServer.url(), pki.rootCaCert())
                    .withPassphrase("shared-passphrase");
            viaGo.run("init", GUN).requireSuccess();
            viaGo.run("add", GUN, "from-go", payload.toString()).requireSuccess();
            viaGo.run("publish", GUN).requireSuccess();

            NotaryCli readerOfOurs = NotaryCli.forServer(dir.resolve("reader-ours"), ours.url(), pki.rootCaCert());
            assertThat(readerOfOurs.run("list", GUN).requireSuccess().stdout()).contains("from-go");

            // The same publisher (same keys) continues through our server; the server-held timestamp key is the
            // one the Go server had the signer create.
            NotaryCli viaOurs = NotaryCli.forServer(dir.resolve("publisher"), ours.url(), pki.rootCaCert())
                    .withPassphrase("shared-passphrase");
            viaOurs.run("add", GUN, "from-ours", payload.toString()).requireSuccess();
            viaOurs.run("publish", GUN).requireSuccess();

            NotaryCli readerOfGo = NotaryCli.forServer(dir.resolve("reader-go"), goServer.url(), pki.rootCaCert());
            assertThat(readerOfGo.run("list", GUN).requireSuccess().stdout()).contains("from-go").contains("from-ours");

            // A delegation created and signed into through Go is served by ours; ours accepts a publish into it.
            DelegationKey releasesKey = DelegationKey.generate(dir, "releases");
            viaGo.run("delegation", "add", GUN, RELEASES, releasesKey.certificate().toString(), "--all-paths")
                    .requireSuccess();
            viaGo.run("key", "import", releasesKey.privateKey().toString(), "--role", RELEASES, "--gun", GUN)
                    .requireSuccess();
            viaGo.run("add", GUN, "go-release", payload.toString(), "--roles", RELEASES).requireSuccess();
            viaGo.run("publish", GUN).requireSuccess();
            assertThat(readerOfOurs.run("list", GUN).requireSuccess().stdout())
                    .containsPattern("go-release\\s+[0-9a-f]{64}\\s+7\\s+targets/releases");
            assertThat(readerOfOurs.run("delegation", "list", GUN).requireSuccess().stdout()).contains(RELEASES);
            viaOurs.run("add", GUN, "ours-release", payload.toString(), "--roles", RELEASES).requireSuccess();
            viaOurs.run("publish", GUN).requireSuccess();
            assertThat(readerOfGo.run("list", GUN).requireSuccess().stdout())
                    .containsPattern("go-release\\s+[0-9a-f]{64}\\s+7\\s+targets/releases")
                    .containsPattern("ours-release\\s+[0-9a-f]{64}\\s+7\\s+targets/releases");

            viaGo.run("remove", GUN, "from-go").requireSuccess();
            viaGo.run("publish", GUN).requireSuccess();
            String list = readerOfOurs.run("list", GUN).requireSuccess().stdout();
            assertThat(list).contains("from-ours").doesNotContain("from-go");

            viaGo.run("init", GUN + "/deleted").requireSuccess();
            viaGo.run("publish", GUN + "/deleted").requireSuccess();
            viaGo.run("delete", GUN + "/deleted", "--remote").requireSuccess();
            assertSameAnswers(goServer.url(), ours);
        }
    }

    /**
     * Both servers read the same rows, so every read route must answer byte for byte the same. ({@code snapshot.key}
     * is left out: the client holds the snapshot key, so each GET asks the memory-backed signer for a new key.)
     */
    private static void assertSameAnswers(String goUrl, TestServer ours) {
        HttpClient client = HttpClient.newBuilder().sslContext(ours.sslContext()).build();
        String base = "/v2/" + GUN + "/_trust/";
        for (String path : List.of("/v2/_trust/changefeed?records=100", "/v2/_trust/changefeed?records=2&change_id=1",
                "/v2/_trust/changefeed?records=-2", "/v2/_trust/changefeed?records=-2&change_id=4",
                "/v2/_trust/changefeed?records=0&change_id=-1", base + "changefeed?records=100",
                "/v2/" + GUN + "/deleted/_trust/changefeed?records=10", base + "tuf/root.json", base + "tuf/targets.json",
                base + "tuf/snapshot.json", base + "tuf/timestamp.json", base + "tuf/targets/releases.json",
                base + "tuf/2.targets/releases.json", base + "tuf/1.root.json",
                base + "tuf/3.targets.json", base + "tuf/2.timestamp.json", base + "tuf/timestamp.key",
                "/v2/" + GUN + "/deleted/_trust/tuf/root.json")) {
            HttpResponse<String> expected = TestServer.send(client, HttpRequest.newBuilder(URI.create(goUrl + path)));
            HttpResponse<String> actual = TestServer.send(client, HttpRequest.newBuilder(URI.create(ours.url() + path)));
            assertThat(actual.statusCode()).as(path).isEqualTo(expected.statusCode());
            assertThat(actual.body()).as(path).isEqualTo(expected.body());
            assertThat(actual.headers().firstValue("Cache-Control")).as(path)
                    .isEqualTo(expected.headers().firstValue("Cache-Control"));
        }
    }
}
