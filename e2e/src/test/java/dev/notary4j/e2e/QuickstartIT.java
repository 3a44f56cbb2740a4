package dev.notary4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.testkit.FreePorts;
import dev.notary4j.testkit.NotaryCli;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: bin/quickstart starts server and signer on the embedded store and the wrapper in front
 * of them; the real notary CLI initialises, publishes and lists against the URL it prints, the wrapper's /list
 * answers for that GUN, and after a restart a fresh client lists the same data.
 */
class QuickstartIT {

    private static final Path REPO = Path.of(System.getProperty("notary4j.repo", "..")).toAbsolutePath().normalize();
    private static final String GUN = "example.com/quickstart/app";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void publishThenRestartKeepsTheData() throws Exception {
        int[] ports = FreePorts.pick(3);
        Path data = dir.resolve("data");
        Path target = Files.writeString(dir.resolve("artifact.txt"), "quickstart\n");
        String url = "https://localhost:" + ports[0];

        try (ServiceProcess first = quickstart(data, ports)) {
            assertThat(first.output()).contains(url).contains("--tlscacert " + data.resolve("pki/root-ca.crt"));
            NotaryCli cli = NotaryCli.forServer(dir.resolve("trust"), url, data.resolve("pki/root-ca.crt"))
                    .withPassphrase("quickstart passphrase");
            cli.run("init", GUN).requireSuccess();
            cli.run("add", GUN, "v1", target.toString()).requireSuccess();
            cli.run("publish", GUN).requireSuccess();
            assertThat(cli.run("list", GUN).requireSuccess().stdout()).contains("v1");

            String wrapperUrl = "https://localhost:" + ports[2];
            assertThat(first.output()).contains(wrapperUrl);
            HttpResponse<String> listed = wrapperList(data.resolve("pki/root-ca.crt"), wrapperUrl,
                    "{\"GUN\":\"" + GUN + "\",\"Tag\":\"v1\",\"notaryServer\":\"localhost:" + ports[0] + "\"}");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(JSON.readTree(listed.body()).path("Name").asText()).isEqualTo("v1");
            assertThat(JSON.readTree(listed.body()).path("Digest").asText())
                    .isEqualTo(sha256Hex(Files.readAllBytes(target)));
        }

        try (ServiceProcess second = quickstart(data, ports)) {
            NotaryCli fresh = NotaryCli.forServer(dir.resolve("fresh-trust"), url, data.resolve("pki/root-ca.crt"));
            assertThat(fresh.run("list", GUN).requireSuccess().stdout())
                    .contains("v1");
        }
    }

    /**
     * NOTARY4J_AUTH=token: the server sits behind the development token issuer; the notary CLI publishes with the
     * printed credentials and is refused without them, and the wrapper (with its own pull credentials) lists.
     */
    @Test
    void tokenAuthModeNeedsTheQuickstartCredentialsToPublish() throws Exception {
        int[] ports = FreePorts.pick(4);
        Path data = dir.resolve("data");
        Path target = Files.writeString(dir.resolve("artifact.txt"), "quickstart with auth\n");
        String url = "https://localhost:" + ports[0];
        try (ServiceProcess quickstart = quickstart(data, ports, Map.of("NOTARY4J_AUTH", "token",
                "NOTARY4J_AUTH_PORT", String.valueOf(ports[3])))) {
            assertThat(quickstart.output()).contains("Token authentication is on").contains("export NOTARY_AUTH=");
            String user = Files.readAllLines(data.resolve("auth-users")).stream()
                    .filter(line -> line.startsWith("quickstart:")).findFirst().orElseThrow();
            String credentials = user.substring(0, user.lastIndexOf(':'));
            NotaryCli anonymous = NotaryCli.forServer(dir.resolve("trust"), url, data.resolve("pki/root-ca.crt"))
                    .withPassphrase("quickstart passphrase");
            NotaryCli authorized = anonymous.withEnvironment("NOTARY_AUTH",
                    Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            authorized.run("init", GUN).requireSuccess();
            authorized.run("add", GUN, "v1", target.toString()).requireSuccess();
            authorized.run("publish", GUN).requireSuccess();
            assertThat(anonymous.run("list", GUN).requireSuccess().stdout()).contains("v1");

            anonymous.run("add", GUN, "v2", target.toString()).requireSuccess();
            NotaryCli.Result refused = anonymous.run("publish", GUN);
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.stdout() + refused.stderr()).containsIgnoringCase("not authorized");
            assertThat(anonymous.run("list", GUN).requireSuccess().stdout()).doesNotContain("v2");

            HttpResponse<String> listed = wrapperList(data.resolve("pki/root-ca.crt"), "https://localhost:" + ports[2],
                    "{\"GUN\":\"" + GUN + "\",\"Tag\":\"v1\",\"notaryServer\":\"localhost:" + ports[0] + "\"}");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        }
    }

    /** POST /list to the wrapper, trusting only the quickstart's development root CA. */
    private static HttpResponse<String> wrapperList(Path rootCa, String wrapperUrl, String body) throws Exception {
        return Http.postJson(Http.trusting(rootCa), wrapperUrl + "/list", body);
    }

    private static String sha256Hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** bin/quickstart, ready once it prints how to use it. */
    private static ServiceProcess quickstart(Path data, int[] ports) throws IOException, InterruptedException {
        return quickstart(data, ports, Map.of());
    }

    private static ServiceProcess quickstart(Path data, int[] ports, Map<String, String> moreEnvironment)
            throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path log = Files.createTempFile(data.getParent(), "quickstart", ".log");
        Map<String, String> environment = new HashMap<>(moreEnvironment);
        environment.putAll(Map.of(
                "NOTARY4J_DATA", data.toString(),
                "NOTARY4J_SERVER_PORT", String.valueOf(ports[0]),
                "NOTARY4J_SIGNER_PORT", String.valueOf(ports[1]),
                "NOTARY4J_WRAPPER_PORT", String.valueOf(ports[2]),
                "NOTARY4J_SKIP_BUILD", "1"));
        ServiceProcess quickstart = ServiceProcess.start(List.of(REPO.resolve("bin/quickstart").toString()),
                environment, log);
        return quickstart.awaitReady(Duration.ofSeconds(120), () -> quickstart.output().contains("Press Ctrl-C to stop."));
    }
}
