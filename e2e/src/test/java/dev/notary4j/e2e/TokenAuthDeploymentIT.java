package dev.notary4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.testkit.DevTokenIssuer;
import dev.notary4j.testkit.DockerContentTrustFlow;
import dev.notary4j.testkit.DockerRegistry;
import dev.notary4j.testkit.DockerTrustCli;
import dev.notary4j.testkit.FreePorts;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token auth as an operator deploys it: bin/notary-signer from the committed signer/config/signer-postgres.json
 * (mutual TLS) and bin/notary-server from the committed server/config/server-token.json, both unmodified, laid out
 * with the PKI of certs/generate-certs.sh; the environment overrides only what a deployment chooses (addresses,
 * database URLs, the token service's realm, the signer passphrase). Against it: the notary CLI's publish flow through
 * the token service, the docker CLI's content-trust flow for an image pushed to a real docker-registry, and
 * bin/notary-wrapper answering /list for the docker-signed tag with its own pull-only credentials.
 */
class TokenAuthDeploymentIT {

    private static final Path REPO = Packaged.REPO;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void notaryAndDockerFlowsThroughTokenAuthWithTheCommittedConfigs() throws Exception {
        Path deployment = layOutDeployment();
        Path pki = deployment.resolve("pki");
        Path users = Files.writeString(dir.resolve("users"),
                "alice:alicepw:push,pull\nreader:readerpw:pull\nwrapper:wrapperpw:pull\nanonymous::pull\n");
        int[] ports = FreePorts.pick(3);
        String serverUrl = "https://localhost:" + ports[1];
        try (DevTokenIssuer issuer = DevTokenIssuer.start(users, "registry-token-issuer", "notary-server", dir);
             DockerRegistry registry = DockerRegistry.start(dir);
             TestDatabase signerDb = PostgresDatabases.create("token-deploy-signer");
             TestDatabase serverDb = PostgresDatabases.create("token-deploy-server")) {
            Files.copy(issuer.certificate(), pki.resolve("token-signer.crt"), StandardCopyOption.REPLACE_EXISTING);
            try (ServiceProcess signer = startSigner(deployment, ports[0], signerDb);
                 ServiceProcess server = startServer(deployment, ports, serverDb, issuer)) {
                notaryCliFlow(serverUrl, pki.resolve("root-ca.crt"));

                DockerRegistry.PushedImage image = registry.push("team/app", "v1");
                DockerContentTrustFlow docker = DockerContentTrustFlow.forImage(dir.resolve("docker"), serverUrl,
                        pki.resolve("root-ca.crt"), image, "alice:alicepw");
                assertThat(docker.addSigner().at("/0/Signers/0/Name").asText()).isEqualTo("alice");
                JsonNode signed = docker.signPushedImage();
                assertThat(signed.at("/0/SignedTags/0/SignedTag").asText()).isEqualTo("v1");
                assertThat(signed.at("/0/SignedTags/0/Digest").asText()).isEqualTo(image.manifestSha256());

                wrapperListsTheDockerSignedTag(deployment, ports[1], image);

                assertThat(docker.revoke().at("/0/SignedTags")).isEmpty();
                docker.removeSigner();
            }
        }
    }

    /** The repository's two config files where they are committed, next to a ./pki made by the repository's script. */
    private Path layOutDeployment() throws Exception {
        Path deployment = dir.resolve("deployment");
        for (String config : List.of("server/config/server-token.json", "signer/config/signer-postgres.json")) {
            Files.createDirectories(deployment.resolve(config).getParent());
            Files.copy(REPO.resolve(config), deployment.resolve(config));
        }
        Process certs = new ProcessBuilder(REPO.resolve("certs/generate-certs.sh").toString(), "-o",
                deployment.resolve("pki").toString()).redirectErrorStream(true).start();
        String output = new String(certs.getInputStream().readAllBytes());
        assertThat(certs.waitFor()).as(output).isZero();
        return deployment;
    }

    private static ServiceProcess startSigner(Path deployment, int port, TestDatabase db) throws Exception {
        ServiceProcess signer = ServiceProcess.start(List.of(REPO.resolve("bin/notary-signer").toString(), "-config",
                deployment.resolve("signer/config/signer-postgres.json").toString()), Map.of(
                "NOTARY_SIGNER_SERVER_GRPC_ADDR", "127.0.0.1:" + port,
                "NOTARY_SIGNER_STORAGE_DB_URL", db.goUrl(),
                "NOTARY_SIGNER_PASSWORDALIAS1", "deployment signer passphrase"), deployment.resolve("logs/signer.log"));
        return signer.awaitReady(STARTUP, () -> {
            new Socket("127.0.0.1", port).close();
            return true;
        });
    }

    private static ServiceProcess startServer(Path deployment, int[] ports, TestDatabase db, DevTokenIssuer issuer)
            throws Exception {
        ServiceProcess server = ServiceProcess.start(List.of(REPO.resolve("bin/notary-server").toString(), "-config",
                deployment.resolve("server/config/server-token.json").toString()), Map.of(
                "NOTARY_SERVER_SERVER_HTTP_ADDR", "127.0.0.1:" + ports[1],
                "NOTARY_SERVER_TRUST_SERVICE_PORT", String.valueOf(ports[0]),
                "NOTARY_SERVER_STORAGE_DB_URL", db.goUrl(),
                "NOTARY_SERVER_AUTH_OPTIONS_REALM", issuer.realm()), deployment.resolve("logs/server.log"));
        HttpClient http = Http.trusting(deployment.resolve("pki/root-ca.crt"));
        return server.awaitReady(STARTUP, () -> http.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + ports[1] + "/_notary_server/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** Acceptance 1's flow through the token service: publish with push, read with pull, refused without push. */
    private void notaryCliFlow(String serverUrl, Path rootCa) throws Exception {
        String gun = "example.com/token-deployment/app";
        Path payload = Files.writeString(dir.resolve("payload.txt"), "token deployment\n");
        NotaryCli alice = NotaryCli.forServer(dir.resolve("alice-trust"), serverUrl, rootCa)
                .withPassphrase("alice passphrase").withEnvironment("NOTARY_AUTH", DockerTrustCli.base64("alice:alicepw"));
        alice.run("init", gun).requireSuccess();
        alice.run("add", gun, "v1", payload.toString()).requireSuccess();
        alice.run("publish", gun).requireSuccess();

        NotaryCli reader = NotaryCli.forServer(dir.resolve("reader-trust"), serverUrl, rootCa)
                .withEnvironment("NOTARY_AUTH", DockerTrustCli.base64("reader:readerpw"));
        assertThat(reader.run("list", gun).requireSuccess().stdout()).contains("v1");
        // The notary CLI fetches for list without credentials (anonymous pull, as registries allow for public
        // repositories); alice's keys with reader's pull-only credentials: the token service grants no push, the server answers 401.
        NotaryCli readerWithKeys = NotaryCli.forServer(dir.resolve("alice-trust"), serverUrl, rootCa)
                .withPassphrase("alice passphrase").withEnvironment("NOTARY_AUTH", DockerTrustCli.base64("reader:readerpw"));
        readerWithKeys.run("add", gun, "v2", payload.toString()).requireSuccess();
        NotaryCli.Result refused = readerWithKeys.run("publish", gun);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.stdout() + refused.stderr()).containsIgnoringCase("not authorized");
        assertThat(alice.run("list", gun).requireSuccess().stdout()).contains("v1").doesNotContain("v2");
    }

    /**
     * bin/notary-wrapper with two entries for the same server: one with the wrapper's pull-only credentials file
     * lists the docker-signed tag with the manifest digest; one with a wrong password is refused by the token
     * service (which would let an anonymous request pull) and fails closed, so the credentials are really sent.
     */
    private void wrapperListsTheDockerSignedTag(Path deployment, int serverPort, DockerRegistry.PushedImage image)
            throws Exception {
        Files.writeString(deployment.resolve("wrapper-credentials"), "wrapper:wrapperpw\n");
        Files.writeString(deployment.resolve("wrong-credentials"), "wrapper:not-the-password\n");
        int port = FreePorts.pick();
        String serverUrl = "https://localhost:" + serverPort;
        Path config = Files.writeString(deployment.resolve("wrapper.json"), JSON.writeValueAsString(Map.of(
                "server", Map.of("http_addr", "127.0.0.1:" + port, "tls_cert_file", "pki/notary-wrapper.crt",
                        "tls_key_file", "pki/notary-wrapper.key"),
                "trust_dir", "wrapper-trust",
                "notary_servers", List.of(
                        Map.of("name", "localhost:" + serverPort, "url", serverUrl, "root_ca", "pki/root-ca.crt",
                                "credentials_file", "wrapper-credentials"),
                        Map.of("name", "wrong-password:" + serverPort, "url", serverUrl, "root_ca", "pki/root-ca.crt",
                                "credentials_file", "wrong-credentials")),
                "trust_pinning", Map.of("tofu", true))));
        HttpClient http = Http.trusting(deployment.resolve("pki/root-ca.crt"));
        String wrapperUrl = "https://localhost:" + port;
        try (ServiceProcess wrapper = ServiceProcess.start(List.of(REPO.resolve("bin/notary-wrapper").toString(),
                "-config", config.toString()), Map.of(), deployment.resolve("logs/wrapper.log"))) {
            wrapper.awaitReady(STARTUP, () -> http.send(HttpRequest.newBuilder(URI.create(wrapperUrl + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            String gun = image.repository();
            HttpResponse<String> listed = Http.postJson(http, wrapperUrl + "/list", JSON.writeValueAsString(Map.of(
                    "GUN", gun, "Tag", image.tag(), "notaryServer", "localhost:" + serverPort)));
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(JSON.readTree(listed.body()).path("Name").asText()).isEqualTo(image.tag());
            assertThat(JSON.readTree(listed.body()).path("Digest").asText()).isEqualTo(image.manifestSha256());

            HttpResponse<String> refused = Http.postJson(http, wrapperUrl + "/list", JSON.writeValueAsString(Map.of(
                    "GUN", gun, "Tag", image.tag(), "notaryServer", "wrong-password:" + serverPort)));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        }
    }
}
