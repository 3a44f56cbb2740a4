package dev.notary4j.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.client.cli.NotaryClientMain;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2: repositories our CLI initialised and published (targets, delegations, a second publish adding a
 * delegation and its targets; local and server-managed snapshot keys) are listed by the Go {@code notary} CLI
 * against the Go {@code notary-server}, with the same rows our own {@code list} prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurPublishedRepositoryTest {
    private static final Map<String, String> PASSPHRASES = Map.of("NOTARY_ROOT_PASSPHRASE", "root-pw",
            "NOTARY_TARGETS_PASSPHRASE", "targets-pw", "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pw",
            "NOTARY_DELEGATION_PASSPHRASE", "delegation-pw");
    private static final String SHA_A = "aa".repeat(32);
    private static final String SHA_B = "bb".repeat(32);

    @TempDir
    static Path work;
    private GoNotaryServer server;
    private TestPki pki;

    @BeforeAll
    void start() {
        pki = TestPki.generate(work.resolve("pki"));
        server = GoNotaryServer.builder(pki, work.resolve("server")).localSigner().logLevel("error").start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Output(int exitCode, String stdout) {
    }

    private Output ours(String... args) {
        List<String> all = new ArrayList<>(List.of("-s", server.url(), "--tlscacert", pki.rootCaCert().toString(),
                "-d", work.resolve("our-writer").toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = NotaryClientMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), PASSPHRASES);
        return new Output(code, out.toString(StandardCharsets.UTF_8));
    }

    private String oursOk(String... args) {
        Output output = ours(args);
        assertThat(output.exitCode()).as(output.stdout()).isZero();
        return output.stdout();
    }

    private String goList(String gun, String reader) {
        return NotaryCli.forServer(work.resolve(reader), server.url(), pki.rootCaCert()).run("list", gun)
                .requireSuccess().stdout();
    }

    /** A delegation key as an unencrypted PKCS#8 PEM file and its certificate, made with tuf-model. */
    private Path[] delegationKey(String name) throws IOException {
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey cert = Certificates.generateRootCertificate(key, name, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        Path dir = Files.createDirectories(work.resolve("keys"));
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.toPkcs8())
                + "\n-----END PRIVATE KEY-----\n");
        Path certFile = dir.resolve(name + ".crt");
        Files.write(certFile, cert.publicBytes());
        return new Path[] {keyFile, certFile};
    }

    @Test
    void goCliListsWhatOurCliInitialisedAndPublished() throws IOException {
        String gun = "example.com/ours/full";
        Path file = work.resolve("payload.bin");
        Files.writeString(file, "hello from notary4j");
        String fileSha = HexFormat.of().formatHex(Hashes.sha256(Files.readAllBytes(file)));
        Path[] releases = delegationKey("releases");

        oursOk("init", gun);
        oursOk("add", gun, "v1", file.toString());
        oursOk("addhash", gun, "v2", "42", "--sha256", SHA_A, "--sha512", "cd".repeat(64));
        oursOk("delegation", "add", gun, "targets/releases", releases[1].toString(), "--all-paths",
                "--key", releases[0].toString());
        oursOk("addhash", gun, "rel-1", "7", "--sha256", SHA_B, "-r", "targets/releases");
        assertThat(oursOk("publish", gun)).contains("Successfully published changes for repository " + gun);

        String go = goList(gun, "go-reader-1");
        assertThat(go).containsPattern("v1\\s+" + fileSha + "\\s+19\\s+targets\\s*\\n")
                .containsPattern("v2\\s+" + SHA_A + "\\s+42\\s+targets\\s*\\n")
                .containsPattern("rel-1\\s+" + SHA_B + "\\s+7\\s+targets/releases\\s*\\n");
        assertThat(sortedRows(oursOk("list", gun))).isEqualTo(sortedRows(go));
        String goLookup = NotaryCli.forServer(work.resolve("go-reader-1"), server.url(), pki.rootCaCert())
                .run("lookup", gun, "rel-1").requireSuccess().stdout();
        assertThat(oursOk("verify", gun, "rel-1")).isEqualTo(goLookup);
        assertThat(oursOk("verify", gun, "sha256:" + SHA_B)).isEqualTo(goLookup);
        Output unsigned = ours("verify", gun, "sha256:" + "0".repeat(64));
        assertThat(unsigned.exitCode()).isEqualTo(1);
        assertThat(unsigned.stdout()).contains("* fatal: no signed target of " + gun + " has sha256 " + "0".repeat(64));

        // A second publish on the existing repository: a delegation with restricted paths and its target.
        Path[] qa = delegationKey("qa");
        oursOk("delegation", "add", gun, "targets/qa", qa[1].toString(), "--paths", "qa/", "--key", qa[0].toString());
        oursOk("addhash", gun, "qa/build", "9", "--sha256", SHA_A, "-r", "targets/qa");
        oursOk("publish", gun);
        assertThat(goList(gun, "go-reader-1")).containsPattern("qa/build\\s+" + SHA_A + "\\s+9\\s+targets/qa\\s*\\n")
                .containsPattern("rel-1\\s+" + SHA_B + "\\s+7\\s+targets/releases\\s*\\n");
        assertThat(goList(gun, "go-reader-2")).contains("qa/build");

        // The Go CLI signs with the key files we wrote (notary's encrypted PKCS#8 under private/).
        NotaryCli goWriter = NotaryCli.forServer(work.resolve("our-writer"), server.url(), pki.rootCaCert());
        for (var e : PASSPHRASES.entrySet()) {
            goWriter = goWriter.withEnvironment(e.getKey(), e.getValue());
        }
        goWriter.run("addhash", gun, "by-go", "3", "--sha256", SHA_B).requireSuccess();
        goWriter.run("publish", gun).requireSuccess();
        assertThat(oursOk("list", gun)).containsPattern("by-go\\s+" + SHA_B + "\\s+3\\s+targets");
    }

    @Test
    void aTargetOutsideTheDelegationPathsIsRefusedAndNothingIsUploaded() throws IOException {
        String gun = "example.com/ours/paths";
        Path[] qa = delegationKey("qa-only");
        oursOk("init", gun, "-p");
        oursOk("delegation", "add", gun, "targets/qa", qa[1].toString(), "--paths", "qa/", "--key", qa[0].toString());
        oursOk("addhash", gun, "prod/app", "3", "--sha256", SHA_B, "-r", "targets/qa");
        Output refused = ours("publish", gun);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).contains("fatal: target prod/app is outside the paths of targets/qa");
        assertThat(goList(gun, "go-reader-3")).doesNotContain("targets/qa").doesNotContain("prod/app");
    }

    @Test
    void serverManagedSnapshot() {
        String gun = "example.com/ours/server-snapshot";
        oursOk("init", gun, "--server-managed-snapshot");
        oursOk("addhash", gun, "latest", "5", "--sha256", SHA_B);
        oursOk("publish", gun);
        oursOk("addhash", gun, "next", "6", "--sha256", SHA_A);
        oursOk("publish", gun);
        assertThat(goList(gun, "go-reader-4")).containsPattern("latest\\s+" + SHA_B + "\\s+5\\s+targets")
                .containsPattern("next\\s+" + SHA_A + "\\s+6\\s+targets");
    }

    @Test
    void publishingAnUnknownRepositoryWithoutInitFails() {
        Output output = ours("publish", "example.com/ours/never-initialised");
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.stdout()).contains("run init first");
    }

    private static List<String> sortedRows(String listing) {
        return listing.lines().skip(2).filter(l -> !l.isBlank()).map(String::strip).sorted().toList();
    }
}
