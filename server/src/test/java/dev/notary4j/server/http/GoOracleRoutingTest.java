package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Go notary-server 0.7 is the oracle: the same request goes to it and to ours, and status, Content-Type,
 * Location and body must be identical. Covers routing quirks, error envelopes and transport-level upload errors on
 * repositories that do not exist (both servers start empty).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoOracleRoutingTest {

    private static final String HEX64 = "a".repeat(64);
    private static final String BOUNDARY = "oracle-boundary";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private GoNotaryServer goServer;
    private TestServer ourServer;
    private HttpClient client;

    @BeforeAll
    void start(@TempDir Path tempDir) {
        TestPki pki = TestPki.generate(tempDir.resolve("pki"));
        goServer = GoNotaryServer.builder(pki, tempDir.resolve("go")).localSigner().start();
        ourServer = TestServer.start(pki);
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
    }

    record Call(String name, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (String path : List.of("/v2/", "/v2", "/", "/nope", "/_notary_server/health", "/v2/a/_trust/tuf/",
                "/v2/a/_trust/tuf/root.json", "/v2/a/_trust/tuf/targets.json", "/v2/a/_trust/tuf/targets/x.json",
                "/v2/a/b/c/_trust/tuf/snapshot.json", "/v2/a/_trust/tuf/timestamp.json",
                "/v2/a/_trust/tuf/0.root.json", "/v2/a/_trust/tuf/1.root.json", "/v2/a/_trust/tuf/007.targets.json",
                "/v2/a/_trust/tuf/root." + HEX64 + ".json", "/v2/a/_trust/tuf/timestamp." + HEX64.toUpperCase() + ".json",
                "/v2/a/_trust/tuf/targets." + "b".repeat(128) + ".json", "/v2/a/_trust/tuf/root." + "c".repeat(63) + ".json",
                "/v2/a/_trust/tuf/root.key", "/v2/a/_trust/tuf/targets.key", "/v2/a/_trust/tuf/Root.json",
                "/v2/a/_trust/tuf/targets/UP.json", "/v2/a*b/_trust/tuf/root.json",
                "/v2/a//b/_trust/tuf/root.json?x=1", "/v2/a/./b/_trust/tuf/root.json", "/v2/a/../b/_trust/tuf/",
                "/v2/a%2Fb/_trust/tuf/root.json",
                "/v2/a/_trust/changefeed", "/v2/a/_trust/changefeed?records=abc",
                "/v2/a/_trust/changefeed?records=99999999999", "/v2/a/_trust/changefeed?records=5&change_id=x",
                "/v2/a/_trust/changefeed?records=5&change_id=99999999999")) {
            calls.add(new Call("GET " + path, "GET", path, null, null));
        }
        for (String method : List.of("HEAD", "PUT", "PATCH", "OPTIONS", "DELETE", "POST")) {
            calls.add(new Call(method + " /v2/", method, "/v2/", null, null));
            calls.add(new Call(method + " root.json", method, "/v2/a/_trust/tuf/root.json", null, null));
            calls.add(new Call(method + " health", method, "/_notary_server/health", null, null));
        }
        calls.add(new Call("DELETE unknown gun", "DELETE", "/v2/never/_trust/tuf/", null, null));
        calls.add(new Call("POST root.key", "POST", "/v2/a/_trust/tuf/root.key", null, null));
        calls.add(new Call("POST without content type", "POST", "/v2/a/_trust/tuf/", null, "x"));
        calls.add(new Call("POST text/plain", "POST", "/v2/a/_trust/tuf/", "text/plain", "x"));
        calls.add(new Call("POST multipart without boundary", "POST", "/v2/a/_trust/tuf/", "multipart/form-data", "x"));
        calls.add(upload("part without Content-Disposition", "Content-Type: application/octet-stream\r\n", "{}"));
        calls.add(upload("part without filename", "Content-Disposition: form-data; name=\"files\"\r\n", "{}"));
        calls.add(upload("filename .json only", disposition(".json"), "{}"));
        calls.add(upload("invalid role", disposition("targets/Bad.Role"), "{}"));
        calls.add(upload("invalid role with markup", disposition("<b>&"), "{}"));
        calls.add(upload("not JSON", disposition("targets"), "not json"));
        calls.add(upload("version is a string", disposition("targets.json"), "{\"signed\":{\"version\":\"1\"}}"));
        calls.add(upload("version is a float", disposition("targets"), "{\"signed\":{\"version\":1.0}}"));
        calls.add(upload("bad expires", disposition("targets"), "{\"signed\":{\"expires\":\"tomorrow\"}}"));
        calls.add(upload("sig not base64", disposition("targets"), "{\"signatures\":[{\"sig\":\"%%%\"}]}"));
        calls.add(upload("signed is an array", disposition("targets"), "{\"signed\":[]}"));
        calls.add(new Call("only the closing boundary", "POST", "/v2/new/_trust/tuf/", MULTIPART,
                "--" + BOUNDARY + "--\r\n"));
        calls.add(upload("no root anywhere", disposition("targets"),
                "{\"signed\":{\"_type\":\"Targets\",\"version\":1},\"signatures\":[]}"));
        return calls.stream();
    }

    private static String disposition(String filename) {
        return "Content-Disposition: form-data; name=\"files\"; filename=\"" + filename + "\"\r\n";
    }

    private static Call upload(String name, String partHeaders, String partBody) {
        String body = "--" + BOUNDARY + "\r\n" + partHeaders + "\r\n" + partBody + "\r\n--" + BOUNDARY + "--\r\n";
        return new Call(name, "POST", "/v2/up/_trust/tuf/", MULTIPART, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void answersAsTheGoServer(Call call) {
        HttpResponse<String> expected = send(goServer.url(), call);
        HttpResponse<String> actual = send(ourServer.url(), call);
        assertThat(actual.statusCode()).as("status").isEqualTo(expected.statusCode());
        assertThat(actual.headers().firstValue("Content-Type")).as("Content-Type")
                .isEqualTo(expected.headers().firstValue("Content-Type"));
        assertThat(actual.headers().firstValue("Location")).as("Location")
                .isEqualTo(expected.headers().firstValue("Location"));
        assertThat(actual.headers().firstValue("Cache-Control")).as("Cache-Control")
                .isEqualTo(expected.headers().firstValue("Cache-Control"));
        assertThat(actual.body()).as("body").isEqualTo(expected.body());
    }

    private HttpResponse<String> send(String baseUrl, Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        return TestServer.send(client, request);
    }
}
