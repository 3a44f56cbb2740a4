package dev.notary4j.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.DevTokenIssuer;
import dev.notary4j.testkit.DevTokenIssuer.Grant;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Go notary CLI through its token flow (NOTARY_AUTH) against our server with {@code auth.type = token}. */
class NotaryCliTokenAuthTest {

    private static final String GUN = "example.com/auth/app";
    private static final String PASSPHRASE = "token-auth-passphrase";

    @Test
    void publishesWithTokensAndRefusesWhatTheTokenDoesNotGrant(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        Path credentials = Files.writeString(dir.resolve("users"),
                "admin:adminpw:*\nwriter:writerpw:push,pull\nreader:readerpw:pull\nanonymous::pull\n");
        try (DevTokenIssuer issuer = DevTokenIssuer.start(credentials, "dev-issuer", "notary-test", dir);
             TestServer server = TestServer.start(pki, config -> config.putObject("auth").put("type", "token")
                     .putObject("options").put("realm", issuer.realm()).put("service", issuer.service())
                     .put("issuer", issuer.issuer()).put("rootcertbundle", issuer.certificate().toString()))) {
            NotaryCli writer = cli(server, pki, dir.resolve("trust-writer"), "writer:writerpw");
            NotaryCli reader = cli(server, pki, dir.resolve("trust-reader"), "reader:readerpw");
            NotaryCli admin = cli(server, pki, dir.resolve("trust-admin"), "admin:adminpw");

            writer.run("init", GUN).requireSuccess();
            writer.run("publish", GUN).requireSuccess();
            Path payload = Files.writeString(dir.resolve("payload.txt"), "authenticated\n");
            writer.run("add", GUN, "v1", payload.toString()).requireSuccess();
            writer.run("publish", GUN).requireSuccess();
            assertThat(reader.run("list", GUN).requireSuccess().stdout()).contains("v1");

            // A pull-only token cannot publish: the CLI's token has no push, the server answers 401.
            NotaryCli readerPublisher = cli(server, pki, dir.resolve("trust-writer"), "reader:readerpw");
            readerPublisher.run("add", GUN, "v2", payload.toString()).requireSuccess();
            NotaryCli.Result refused = readerPublisher.run("publish", GUN);
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.stdout() + refused.stderr()).containsIgnoringCase("not authorized");

            // delete --remote needs "*": push+pull is not enough, admin's token is.
            assertThat(writer.run("delete", GUN, "--remote").succeeded()).isFalse();
            assertThat(reader.run("list", GUN).requireSuccess().stdout()).contains("v1");
            admin.run("delete", GUN, "--remote").requireSuccess();
            assertThat(cli(server, pki, dir.resolve("trust-fresh"), "reader:readerpw").run("list", GUN).succeeded())
                    .isFalse();
        }
    }

    @Test
    void refusesTokensForAnotherRepositoryExpiredOrFromAnUntrustedKey(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        Path credentials = Files.writeString(dir.resolve("users"), "admin:adminpw:*\n");
        try (DevTokenIssuer issuer = DevTokenIssuer.start(credentials, "dev-issuer", "notary-test", dir);
             TestServer server = TestServer.start(pki, config -> config.putObject("auth").put("type", "token")
                     .putObject("options").put("realm", issuer.realm()).put("service", issuer.service())
                     .put("issuer", issuer.issuer()).put("rootcertbundle", issuer.certificate().toString()))) {
            String path = "/v2/" + GUN + "/_trust/tuf/root.json";
            String challenge = "Bearer realm=\"" + issuer.realm() + "\",service=\"notary-test\",scope=\"repository:"
                    + GUN + ":pull\"";
            List<Grant> pull = List.of(Grant.repository(GUN, "pull"));

            String valid = issuer.mint("admin", pull, Instant.now(), Duration.ofMinutes(5));
            assertThat(get(server, path, valid).statusCode()).as("a valid pull token passes auth").isEqualTo(404);

            HttpResponse<String> none = get(server, path, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().allValues("Www-Authenticate")).containsExactly(challenge);
            assertThat(none.body()).isEqualTo("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":"
                    + "\"authentication required\",\"detail\":[{\"Type\":\"repository\",\"Class\":\"\",\"Name\":\""
                    + GUN + "\",\"Action\":\"pull\"}]}]}\n");

            String otherRepository = issuer.mint("admin", List.of(Grant.repository("example.com/other", "*")),
                    Instant.now(), Duration.ofMinutes(5));
            assertRefused(server, path, otherRepository, challenge + ",error=\"insufficient_scope\"");

            String expired = issuer.mint("admin", pull, Instant.now().minus(Duration.ofMinutes(10)),
                    Duration.ofMinutes(5));
            assertRefused(server, path, expired, challenge + ",error=\"invalid_token\"");

            assertRefused(server, path, issuer.mintWithUntrustedKey("admin", pull),
                    challenge + ",error=\"invalid_token\"");

            String pullOnly = issuer.mint("admin", pull, Instant.now(), Duration.ofMinutes(5));
            HttpResponse<String> upload = server.send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/v2/" + GUN + "/_trust/tuf/"))
                    .header("Authorization", "Bearer " + pullOnly)
                    .POST(HttpRequest.BodyPublishers.ofString("")));
            assertThat(upload.statusCode()).isEqualTo(401);
            assertThat(upload.headers().firstValue("Www-Authenticate")).hasValue("Bearer realm=\"" + issuer.realm()
                    + "\",service=\"notary-test\",scope=\"repository:" + GUN + ":push,pull\",error=\"insufficient_scope\"");
        }
    }

    private static void assertRefused(TestServer server, String path, String token, String challenge) {
        HttpResponse<String> response = get(server, path, token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("Www-Authenticate")).containsExactly(challenge);
    }

    private static HttpResponse<String> get(TestServer server, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request);
    }

    private static NotaryCli cli(TestServer server, TestPki pki, Path trustDir, String credentials) {
        return NotaryCli.forServer(trustDir, server.url(), pki.rootCaCert()).withPassphrase(PASSPHRASE)
                .withEnvironment("NOTARY_AUTH",
                        Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
