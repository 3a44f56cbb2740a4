package dev.notary4j.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.client.cli.NotaryClientMain;
import dev.notary4j.testkit.DelegationKey;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository our CLI initialised and published (targets, a delegation, a publish signed into it) on a Go
 * notary-server: the Go {@code notary} CLI, with a trust directory of its own (TOFU), lists it as ours does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurPublishedRepositoryTest {
    private static final String GUN = "example.com/ours/app";
    private static final Map<String, String> PASSPHRASES = Map.of("NOTARY_ROOT_PASSPHRASE", "root-pw",
            "NOTARY_TARGETS_PASSPHRASE", "targets-pw", "NOTARY_DELEGATION_PASSPHRASE", "delegation-pw");

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

    @Test
    void goCliListsWhatOurCliPublished() throws Exception {
        Path payload = work.resolve("payload.txt");
        Files.writeString(payload, "hello from notary4j\n");
        DelegationKey releases = DelegationKey.generate(Files.createDirectories(work.resolve("keys")), "releases");

        ours("init", GUN);
        ours("add", GUN, "v1", payload.toString());
        ours("addhash", GUN, "v2", "1234", "--sha256", "ab".repeat(32));
        ours("delegation", "add", GUN, "targets/releases", releases.certificate().toString(), "--all-paths");
        ours("key", "import", releases.privateKey().toString(), "-r", "targets/releases");
        ours("publish", GUN);
        ours("addhash", GUN, "v3", "99", "--sha256", "cd".repeat(32), "-r", "targets/releases");
        ours("publish", GUN);

        NotaryCli.Result goList = NotaryCli.forServer(work.resolve("go-reader"), server.url(), pki.rootCaCert())
                .run("list", GUN).requireSuccess();
        assertThat(goList.stdout())
                .contains("v1").contains(sha256Hex(Files.readAllBytes(payload)))
                .contains("v2").contains("ab".repeat(32))
                .contains("v3").contains("cd".repeat(32)).contains("targets/releases");
        assertThat(ours("list", GUN)).isEqualTo(goList.stdout());

        NotaryCli.Result goLookup = NotaryCli.forServer(work.resolve("go-reader"), server.url(), pki.rootCaCert())
                .run("lookup", GUN, "v3").requireSuccess();
        assertThat(goLookup.stdout()).contains("cd".repeat(32)).contains("99");
        assertThat(ours("verify", GUN, "sha256:" + "cd".repeat(32))).isEqualTo(goLookup.stdout());
    }

    @Test
    void publishWithoutThePassphraseFailsAndKeepsTheStagedChange() throws Exception {
        String gun = "example.com/ours/nopass";
        ours("init", gun);
        ours("addhash", gun, "x", "1", "--sha256", "ef".repeat(32));
        Result failed = run(Map.of(), "publish", gun);
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.stdout()).contains("* fatal: no passphrase for the targets key: set NOTARY_TARGETS_PASSPHRASE");
        ours("publish", gun);
        assertThat(ours("list", gun)).contains("ef".repeat(32));
    }

    private String ours(String... args) {
        Result result = run(PASSPHRASES, args);
        assertThat(result.code()).as("our CLI %s: %s", List.of(args), result.stdout()).isZero();
        return result.stdout();
    }

    private record Result(int code, String stdout) {
    }

    private Result run(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of("-s", server.url(), "--tlscacert", pki.rootCaCert().toString(),
                "-d", work.resolve("our-trust").toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = NotaryClientMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), environment::get);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }
}
