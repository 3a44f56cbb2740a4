package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.DevTokenIssuer;
import dev.notary4j.testkit.DevTokenIssuer.Grant;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token auth against the Go notary-server 0.7 with the same {@code auth} config and the same token issuer: status,
 * {@code Www-Authenticate} and body must be equal (Go lists a resource's actions in random map order, so both
 * headers' action lists are sorted before comparing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoOracleAuthTest {

    private static final String GUN = "example.com/oracle/app";
    private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");

    private DevTokenIssuer issuer;
    private GoNotaryServer goServer;
    private TestServer ourServer;
    private HttpClient client;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        TestPki pki = TestPki.generate(tempDir.resolve("pki"));
        issuer = DevTokenIssuer.start(Files.writeString(tempDir.resolve("users"), "admin:pw:*\n"), "oracle-issuer",
                "oracle-service", tempDir);
        goServer = GoNotaryServer.builder(pki, tempDir.resolve("go")).localSigner().tokenAuth(issuer).start();
        ourServer = TestServer.start(pki, config -> config.putObject("auth").put("type", "token")
                .putObject("options").put("realm", issuer.realm()).put("service", issuer.service())
                .put("issuer", issuer.issuer()).put("rootcertbundle", issuer.certificate().toString()));
        client = HttpClient.newBuilder().sslContext(pki.clientSslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() {
        if (ourServer != null) {
            ourServer.close();
        }
        if (goServer != null) {
            goServer.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    /** {@code token} is "none", "pull", "other-repository", "expired", "untrusted", "garbage" or "basic". */
    record Call(String method, String path, String token) {
        @Override
        public String toString() {
            return method + " " + path + " [" + token + "]";
        }
    }

    static Stream<Call> calls() {
        List<Call> calls = new ArrayList<>();
        String tuf = "/v2/" + GUN + "/_trust/tuf/";
        for (String token : List.of("none", "pull", "other-repository", "expired", "untrusted", "garbage", "basic")) {
            calls.add(new Call("GET", "/v2/", token));
            calls.add(new Call("GET", tuf + "root.json", token));
            calls.add(new Call("GET", tuf + "2.targets.json", token));
            calls.add(new Call("GET", tuf + "timestamp." + "a".repeat(64) + ".json", token));
            calls.add(new Call("POST", tuf, token));
            calls.add(new Call("DELETE", tuf, token));
            calls.add(new Call("GET", tuf + "timestamp.key", token));
            calls.add(new Call("POST", tuf + "snapshot.key", token));
            calls.add(new Call("GET", "/v2/" + GUN + "/_trust/changefeed?records=1", token));
            calls.add(new Call("GET", "/v2/_trust/changefeed?records=1", token));
            calls.add(new Call("GET", "/nope", token));
            calls.add(new Call("HEAD", tuf + "root.json", token));
        }
        calls.add(new Call("GET", "/_notary_server/health", "none"));
        return calls.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void sameAnswerAsGo(Call call) {
        String token = token(call.token());
        HttpResponse<String> go = send(goServer.url(), call, token);
        HttpResponse<String> ours = send(ourServer.url(), call, token);
        assertThat(ours.statusCode()).as("status").isEqualTo(go.statusCode());
        assertThat(ours.headers().allValues("Www-Authenticate").stream().map(GoOracleAuthTest::sortedActions))
                .as("challenge").containsExactlyElementsOf(
                        go.headers().allValues("Www-Authenticate").stream().map(GoOracleAuthTest::sortedActions)
                                .toList());
        // A 200 changefeed differs by storage ("records":null from Go's memory store), which is not auth's concern.
        if (!call.method().equals("HEAD") && go.statusCode() != 200) {
            assertThat(ours.body()).as("body").isEqualTo(go.body());
        }
        if (call.token().equals("none") && !call.path().startsWith("/_notary")) {
            assertThat(ours.statusCode()).as("unauthenticated requests are refused").isEqualTo(401);
        }
    }

    private String token(String kind) {
        List<Grant> pull = List.of(Grant.repository(GUN, "pull"));
        return switch (kind) {
            case "none" -> null;
            case "pull" -> "Bearer " + issuer.mint("admin", pull, Instant.now(), Duration.ofMinutes(5));
            case "other-repository" -> "Bearer " + issuer.mint("admin",
                    List.of(Grant.repository("example.com/other", "*")), Instant.now(), Duration.ofMinutes(5));
            case "expired" -> "Bearer " + issuer.mint("admin", pull, Instant.now().minus(Duration.ofHours(1)),
                    Duration.ofMinutes(5));
            case "untrusted" -> "Bearer " + issuer.mintWithUntrustedKey("admin", pull);
            case "garbage" -> "Bearer not.a.jwt";
            case "basic" -> "Basic YWRtaW46cHc=";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private HttpResponse<String> send(String base, Call call, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
                .method(call.method(), HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestServer.send(client, request);
    }

    /** Go emits a resource's actions in map order: sort them so "push,pull" and "pull,push" compare equal. */
    private static String sortedActions(String challenge) {
        Matcher scope = SCOPE.matcher(challenge);
        if (!scope.find()) {
            return challenge;
        }
        String value = scope.group(1);
        int colon = value.lastIndexOf(':');
        String[] actions = value.substring(colon + 1).split(",");
        Arrays.sort(actions);
        return challenge.substring(0, scope.start(1)) + value.substring(0, colon + 1) + String.join(",", actions)
                + challenge.substring(scope.end(1));
    }
}
