package dev.notary4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.PostgresDatabases.GoSchema;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 6: our packaged server while its signer (ours, keys in PostgreSQL) is stopped and restarted on the same
 * port. Unexpired metadata keeps being served, publishing fails with a notary 5xx error and nothing stored, and
 * publishing works again as soon as the signer is back.
 */
class SignerUnavailableIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUN = "example.com/signer-down/app";
    private static final List<String> ROLES = List.of("root", "targets", "snapshot", "timestamp");
    /** The codes of notary's error envelope that come with a 5xx status (spec section 3.3). */
    private static final Set<String> SERVER_ERROR_CODES = Set.of("UNKNOWN", "UPDATING", "NO_CRYPTOSERVICE");

    @TempDir
    Path dir;

    @Test
    void publishFailsCleanlyWhileTheSignerIsDownAndWorksOnceItIsBack() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestDatabase keys = PostgresDatabases.createWithGoSchema("e2e-signer-down", GoSchema.SIGNER)) {
            // The signer is replaced by a new process on the same port halfway: close whichever one runs last.
            GoNotarySigner[] signer = {Packaged.signer(pki, dir).postgres(keys.goUrl()).start()};
            int signerPort = signer[0].port();
            try (AutoCloseable stopSigner = () -> signer[0].close();
                 GoNotaryServer server = Packaged.server(pki, dir).remoteSigner(signer[0]).start()) {
                Http http = new Http(pki, server.url());
                NotaryCli publisher = NotaryCli.forServer(dir.resolve("trust"), server.url(), pki.rootCaCert())
                        .withPassphrase("signer-down-passphrase");
                Path payload = Files.writeString(dir.resolve("payload.txt"), "signer down\n");
                publisher.run("init", GUN).requireSuccess();
                publisher.run("key", "rotate", GUN, "snapshot", "-r").requireSuccess();
                publisher.run("add", GUN, "before", payload.toString()).requireSuccess();
                publisher.run("publish", GUN).requireSuccess();
                Map<String, String> served = current(http);

                signer[0].close();
                try {
                    // Reads need no signature while nothing has expired, first-time clients included.
                    assertThat(current(http)).isEqualTo(served);
                    NotaryCli fresh = NotaryCli.forServer(dir.resolve("trust-fresh"), server.url(), pki.rootCaCert());
                    assertThat(CliAcceptanceFlow.list(fresh, GUN)).containsOnlyKeys("before");

                    // A publish needs the signer (timestamp, and here the snapshot): a notary 5xx error.
                    HttpResponse<String> resign = http.post("/v2/" + GUN + "/_trust/tuf/",
                            "multipart/form-data; boundary=r", "--r--\r\n".getBytes(StandardCharsets.UTF_8));
                    assertThat(resign.statusCode()).as(resign.body()).isBetween(500, 599);
                    assertThat(resign.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/json"));
                    JsonNode error = JSON.readTree(resign.body()).get("errors").get(0);
                    assertThat(error.get("code").asText()).isIn(SERVER_ERROR_CODES);
                    assertThat(error.get("message").asText()).isNotBlank();

                    publisher.run("add", GUN, "during", payload.toString()).requireSuccess();
                    NotaryCli.Result failed = publisher.run("publish", GUN);
                    assertThat(failed.succeeded()).isFalse();
                    // storage/httpstore.go: a status other than 200, 400, 401, 404 is "server unavailable".
                    assertThat(failed.stdout() + failed.stderr()).contains("unable to reach trust server at this time");
                    assertThat(current(http)).as("nothing stored by the failed publishes").isEqualTo(served);
                } finally {
                    signer[0] = Packaged.signer(pki, dir).postgres(keys.goUrl()).port(signerPort).start();
                }
                // The staged change is still in the changelist: this publish sends it again.
                publisher.run("publish", GUN).requireSuccess();
                NotaryCli reader = NotaryCli.forServer(dir.resolve("trust-after"), server.url(), pki.rootCaCert());
                assertThat(CliAcceptanceFlow.list(reader, GUN)).containsOnlyKeys("before", "during");
                assertThat(http.signed(GUN, "timestamp").at("/version").asInt())
                        .isEqualTo(JSON.readTree(served.get("timestamp")).at("/signed/version").asInt() + 1);
            }
        }
    }

    /** The bodies of the current metadata files, by role. */
    private static Map<String, String> current(Http http) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String role : ROLES) {
            HttpResponse<String> response = http.get("/v2/" + GUN + "/_trust/tuf/" + role + ".json");
            assertThat(response.statusCode()).as(role + ": " + response.body()).isEqualTo(200);
            bodies.put(role, response.body());
        }
        return bodies;
    }
}
