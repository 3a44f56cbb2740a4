package dev.notary4j.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real notary CLI uploads passes the validator (root key rotation: R5/R7 with Go's certificates; an x509
 * delegation key and a publish into the delegation: T2/T6), and a tampered upload gets notary's detail.
 */
class NotaryCliValidationFlowTest {
    private static final String GUN = "example.com/validated/app";

    @Test
    void rootRotationAndDelegationsFromTheCliAreAcceptedAndTamperingIsRefused(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki)) {
            NotaryCli publisher = NotaryCli.forServer(dir.resolve("publisher"), server.url(), pki.rootCaCert())
                    .withPassphrase("validation-passphrase");
            NotaryCli reader = NotaryCli.forServer(dir.resolve("reader"), server.url(), pki.rootCaCert());
            Path payload = Files.writeString(dir.resolve("payload.txt"), "validated\n");

            publisher.run("init", GUN).requireSuccess();
            publisher.run("add", GUN, "v1", payload.toString()).requireSuccess();
            publisher.run("publish", GUN).requireSuccess();
            assertThat(reader.run("list", GUN).requireSuccess().stdout()).contains("v1");

            publisher.runWithInput("yes\n", "key", "rotate", GUN, "root").requireSuccess();
            assertThat(server.get("/v2/" + GUN + "/_trust/tuf/2.root.json").statusCode()).isEqualTo(200);
            assertThat(reader.run("list", GUN).requireSuccess().stdout()).contains("v1");

            TufPrivateKey delegationKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
            TufKey certificate = Certificates.generateRootCertificate(delegationKey, "releases",
                    Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
            Path certFile = Files.write(dir.resolve("releases.crt"), certificate.publicBytes());
            Path keyFile = Files.writeString(dir.resolve("releases.key"), "-----BEGIN EC PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(delegationKey.privateBytes())
                    + "\n-----END EC PRIVATE KEY-----\n");
            publisher.run("key", "import", keyFile.toString(), "--role", "targets/releases").requireSuccess();
            publisher.run("delegation", "add", GUN, "targets/releases", certFile.toString(), "--all-paths")
                    .requireSuccess();
            publisher.run("publish", GUN).requireSuccess();
            publisher.run("add", GUN, "v2", payload.toString(), "--roles", "targets/releases").requireSuccess();
            publisher.run("publish", GUN).requireSuccess();
            assertThat(reader.run("list", GUN).requireSuccess().stdout()).contains("v1").contains("v2");

            // The current targets with one byte of its signed part changed: its signature no longer counts.
            String targets = server.get("/v2/" + GUN + "/_trust/tuf/targets.json").body();
            String tampered = targets.replaceFirst("\"version\":(\\d+)", "\"version\":99");
            assertThat(tampered).isNotEqualTo(targets);
            String body = "--t\r\nContent-Disposition: form-data; name=\"files\"; filename=\"targets\"\r\n\r\n"
                    + tampered + "\r\n--t--\r\n";
            HttpResponse<String> refused = server.send("POST", "/v2/" + GUN + "/_trust/tuf/",
                    "multipart/form-data; boundary=t", body.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"code\":\"INVALID_UPDATE\"").contains(
                    "\"detail\":{\"Name\":\"ErrBadTargets\",\"Error\":{\"Msg\":\"valid signatures did not meet "
                            + "threshold for targets\"}}");
            assertThat(server.get("/v2/" + GUN + "/_trust/tuf/99.targets.json").statusCode()).isEqualTo(404);
        }
    }
}
