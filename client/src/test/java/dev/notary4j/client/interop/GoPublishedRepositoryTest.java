package dev.notary4j.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.client.cli.NotaryClientMain;
import dev.notary4j.testkit.DelegationKey;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories published by the Go {@code notary} CLI to a Go {@code notary-server}: our {@code list} and
 * {@code lookup} must print exactly what {@code notary list} / {@code notary lookup} print, errors included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoPublishedRepositoryTest {
    private static final String BIG = "example.com/interop/big";
    private static final String EMPTY = "example.com/interop/empty";
    private static final String MISSING = "example.com/interop/missing";
    private static final String ROTATED = "example.com/interop/rotated";

    @TempDir
    static Path work;
    private GoNotaryServer server;
    private TestPki pki;
    private NotaryCli publisher;

    @BeforeAll
    void publish() throws Exception {
        pki = TestPki.generate(work.resolve("pki"));
        server = GoNotaryServer.builder(pki, work.resolve("server")).localSigner().logLevel("error").start();
        publisher = NotaryCli.forServer(work.resolve("publisher"), server.url(), pki.rootCaCert()).withPassphrase("pw");

        publisher.run("init", EMPTY, "-p").requireSuccess();

        publisher.run("init", BIG).requireSuccess();
        Path releasesKey = delegationKey("releases");
        Path qaKey = delegationKey("qa");
        publisher.run("delegation", "add", BIG, "targets/releases", releasesKey.resolveSibling("releases.crt").toString(),
                "--all-paths").requireSuccess();
        publisher.run("key", "import", releasesKey.toString(), "-r", "targets/releases").requireSuccess();
        publisher.run("delegation", "add", BIG, "targets/qa", qaKey.resolveSibling("qa.crt").toString(),
                "--paths", "qa/").requireSuccess();
        publisher.run("key", "import", qaKey.toString(), "-r", "targets/qa").requireSuccess();
        Path nestedKey = delegationKey("nested");
        publisher.run("delegation", "add", BIG, "targets/releases/nested", nestedKey.resolveSibling("nested.crt").toString(),
                "--all-paths").requireSuccess();
        publisher.run("key", "import", nestedKey.toString(), "-r", "targets/releases/nested").requireSuccess();
        addHash("nested1", 11, "targets/releases/nested");
        addHash("r0", 12, "targets/releases/nested");
        for (int i = 0; i < 70; i++) {
            addHash("t" + i, i, "targets");
        }
        for (int i = 0; i < 35; i++) {
            addHash("r" + i, 1000 + i, "targets/releases");
        }
        addHash("qa/one", 7, "targets/qa");
        addHash("shared", 1, "targets");
        addHash("shared", 2, "targets/releases");
        addHash("Z-upper", 3, "targets/releases");
        // A target with no sha256 at all: notary prints an empty DIGEST (list) and a bare "sha256:" (lookup).
        publisher.run("addhash", BIG, "only-sha512", "5", "--sha512", "ef".repeat(64)).requireSuccess();
        publisher.run("publish", BIG).requireSuccess();
    }

    private void addHash(String name, int size, String role) {
        String sha256 = String.format(Locale.ROOT, "%064x", 0xabc000L + size + name.hashCode() * 7919L);
        publisher.run("addhash", BIG, name, Integer.toString(size), "--sha256", sha256.substring(sha256.length() - 64),
                "-r", role).requireSuccess();
    }

    /** An ECDSA key (unencrypted PKCS#8) at {@code keys/NAME.key} and its self-signed certificate at {@code keys/NAME.crt}. */
    private Path delegationKey(String name) throws IOException {
        return DelegationKey.generate(Files.createDirectories(work.resolve("keys")), name).privateKey();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Output(int exitCode, String stdout) {
    }

    /** The Go CLI, reading with a trust directory of its own. */
    private Output go(String trustDir, String... args) {
        NotaryCli.Result result = NotaryCli.forServer(work.resolve(trustDir), server.url(), pki.rootCaCert()).run(args);
        return new Output(result.exitCode(), result.stdout());
    }

    /** Our CLI, same flags. */
    private Output ours(String trustDir, String... args) {
        return oursAt(server.url(), trustDir, args);
    }

    private Output oursAt(String url, String trustDir, String... args) {
        List<String> all = new ArrayList<>(List.of("-s", url, "--tlscacert", pki.rootCaCert().toString(),
                "-d", work.resolve(trustDir).toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NotaryClientMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8));
    }

    private void assertSameOutput(String... args) {
        Output expected = go("go-reader", args);
        Output actual = ours("our-reader", args);
        assertThat(actual.stdout()).isEqualTo(expected.stdout());
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }

    @Test
    void listOfARepositoryWithDelegationsAndOverAHundredTargets() {
        Output expected = go("go-reader", "list", BIG);
        assertThat(expected.stdout().lines().count()).isGreaterThan(100);
        assertThat(expected.stdout()).contains("targets/releases").contains("targets/qa").contains("targets/releases/nested");
        assertSameOutput("list", BIG);
    }

    @Test
    void listWithRolePriority() {
        assertSameOutput("list", BIG, "-r", "targets/releases");
        assertSameOutput("list", BIG, "-r", "targets/qa,targets/releases");
        assertSameOutput("list", BIG, "-r", "targets/releases/nested");
    }

    @Test
    void lookupsFromEveryRole() {
        for (String name : List.of("t0", "t69", "r0", "r34", "shared", "qa/one", "Z-upper", "nested1", "only-sha512")) {
            assertSameOutput("lookup", BIG, name);
        }
    }

    @Test
    void lookupOfAMissingTargetFailsLikeNotary() {
        Output expected = go("go-reader", "lookup", BIG, "nope");
        assertThat(expected.exitCode()).isEqualTo(1);
        assertSameOutput("lookup", BIG, "nope");
    }

    @Test
    void emptyRepository() {
        assertSameOutput("list", EMPTY);
    }

    @Test
    void repositoryTheServerDoesNotHave() {
        Output expected = go("go-reader", "list", MISSING);
        assertThat(expected.stdout()).contains("does not have trust data for");
        assertSameOutput("list", MISSING);
    }

    @Test
    void followsRootAndTargetsKeyRotationsMadeByTheGoCli() throws IOException {
        publisher.run("init", ROTATED, "-p").requireSuccess();
        publisher.run("addhash", ROTATED, "before", "3", "--sha256", "ab".repeat(32), "-p").requireSuccess();
        assertSameOutput("list", ROTATED);

        // Two root rotations: root v3 is not signed by v1's key, so a reader that trusts v1 needs 2.root.json.
        publisher.runWithInput("yes\n", "key", "rotate", ROTATED, "root").requireSuccess();
        publisher.runWithInput("yes\n", "key", "rotate", ROTATED, "root").requireSuccess();
        publisher.run("key", "rotate", ROTATED, "targets").requireSuccess();
        publisher.run("addhash", ROTATED, "after", "4", "--sha256", "cd".repeat(32), "-p").requireSuccess();

        Output expected = go("go-reader", "list", ROTATED);
        assertThat(expected.stdout()).contains("after");
        assertThat(ours("our-reader", "list", ROTATED)).isEqualTo(expected);
        Path cachedRoot = work.resolve("our-reader/tuf-cache")
                .resolve("https_localhost_" + server.port()).resolve(ROTATED).resolve("metadata/root.json");
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cachedRoot.toFile());
        assertThat(root.path("signed").path("version").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void unreachableServerWithoutCacheIsOfflineLikeNotary() {
        String closed = "https://localhost:" + dev.notary4j.testkit.FreePorts.pick();
        NotaryCli.Result expected = NotaryCli.forServer(work.resolve("go-offline"), closed, pki.rootCaCert())
                .run("list", BIG);
        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(oursAt(closed, "our-offline", "list", BIG)).isEqualTo(new Output(1, expected.stdout()));
    }

    @Test
    void secondReadUsesTheCacheAndPrintsTheSame() {
        assertSameOutput("list", BIG);
        assertSameOutput("list", BIG);
    }

    /** Writes a notary client config whose {@code trust_pinning} is {@code pinningJson}. */
    private Path config(String name, String pinningJson) throws IOException {
        Path file = work.resolve(name + ".json");
        Files.writeString(file, "{\"trust_pinning\":" + pinningJson + "}");
        return file;
    }

    /** The TUF ID of the root key in the published root.json, as notary's trust_pinning.certs lists it. */
    private String publishedRootKeyId() throws IOException {
        Path root = work.resolve("publisher/tuf").resolve(BIG).resolve("metadata/root.json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(root.toFile());
        return tree.path("signed").path("roles").path("root").path("keyids").get(0).asText();
    }

    @Test
    void pinnedCertIdNotMatchingTheRootIsRefusedOnFirstUse() throws IOException {
        Path config = config("wrong-id", "{\"certs\":{\"" + BIG + "\":[\"" + "0".repeat(64) + "\"]}}");
        Output expected = go("go-pinned-id", "-c", config.toString(), "list", BIG);
        assertThat(expected.exitCode()).isEqualTo(1);
        Output actual = ours("our-pinned-id", "-c", config.toString(), "list", BIG);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void pinnedWildcardCertIdNotMatchingTheRootIsRefused() throws IOException {
        Path config = config("wrong-wildcard", "{\"certs\":{\"example.com/*\":[\"" + "1".repeat(64) + "\"]}}");
        Output expected = go("go-pinned-wildcard", "-c", config.toString(), "list", BIG);
        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(ours("our-pinned-wildcard", "-c", config.toString(), "list", BIG)).isEqualTo(expected);
    }

    @Test
    void pinnedCertIdOfTheRootIsAccepted() throws IOException {
        Path config = config("right-id", "{\"certs\":{\"" + BIG + "\":[\"" + publishedRootKeyId() + "\"]}}");
        Output expected = go("go-pinned-right", "-c", config.toString(), "list", BIG);
        assertThat(expected.exitCode()).isZero();
        assertThat(ours("our-pinned-right", "-c", config.toString(), "list", BIG)).isEqualTo(expected);
    }

    @Test
    void pinnedCaThatDidNotIssueTheRootIsRefusedOnFirstUse() throws IOException {
        Path config = config("wrong-ca", "{\"ca\":{\"example.com/\":\"" + pki.rootCaCert() + "\"}}");
        Output expected = go("go-pinned-ca", "-c", config.toString(), "list", BIG);
        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(ours("our-pinned-ca", "-c", config.toString(), "list", BIG)).isEqualTo(expected);
    }

    /**
     * Pinning the root's own self-signed certificate as CA: Go's x509 verification demands the serverAuth usage,
     * which notary's root certificates (CodeSigning only) lack, so notary refuses; so must we.
     */
    @Test
    void pinnedCaOfNotarysOwnRootCertificateIsRefusedForItsKeyUsage() throws IOException {
        Path root = work.resolve("publisher/tuf").resolve(BIG).resolve("metadata/root.json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(root.toFile());
        String pem = new String(java.util.Base64.getDecoder().decode(tree.path("signed").path("keys")
                .path(publishedRootKeyId()).path("keyval").path("public").asText()), StandardCharsets.US_ASCII);
        Path caFile = work.resolve("own-root-ca.crt");
        Files.writeString(caFile, pem);
        Path config = config("own-ca", "{\"ca\":{\"" + BIG + "\":\"" + caFile + "\"}}");
        Output expected = go("go-own-ca", "-c", config.toString(), "list", BIG);
        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(ours("our-own-ca", "-c", config.toString(), "list", BIG)).isEqualTo(expected);
    }

    @Test
    void disabledTofuWithoutPinsIsRefusedOnFirstUseOnly() throws IOException {
        Path config = config("no-tofu", "{\"disable_tofu\":true}");
        Output expected = go("go-no-tofu", "-c", config.toString(), "list", BIG);
        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(ours("our-no-tofu", "-c", config.toString(), "list", BIG)).isEqualTo(expected);
        // With a trusted cached root, the cache is the pin.
        assertThat(ours("our-cached", "list", BIG).exitCode()).isZero();
        assertThat(ours("our-cached", "-c", config.toString(), "list", BIG))
                .isEqualTo(go("go-reader", "list", BIG));
    }

    private Process launch(String trustDir, String... args) throws IOException {
        Path launcher = Path.of(System.getProperty("user.dir")).resolveSibling("bin").resolve("notary-client");
        assertThat(launcher).as("bin/notary-client at the repository root").isExecutable();
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "-s", server.url(), "--tlscacert",
                pki.rootCaCert().toString(), "-d", work.resolve(trustDir).toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Output outputOf(Process p) throws IOException, InterruptedException {
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Output(p.waitFor(), stdout);
    }

    @Test
    void launcherScriptPrintsTheSame() throws Exception {
        assertThat(outputOf(launch("launcher-reader", "list", BIG))).isEqualTo(go("go-reader", "list", BIG));
    }

    @Test
    void concurrentProcessesAndThreadsShareOneTrustDirectory() throws Exception {
        Output expected = go("go-reader", "list", BIG);
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(launch("shared-reader", "list", BIG));
        }
        List<java.util.concurrent.Future<Output>> threads = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 3; i++) {
                threads.add(pool.submit(() -> ours("shared-reader", "list", BIG)));
            }
            for (Process p : processes) {
                assertThat(outputOf(p)).isEqualTo(expected);
            }
            for (var thread : threads) {
                assertThat(thread.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
            processes.forEach(Process::destroy);
        }
    }
}
