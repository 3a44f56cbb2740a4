package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.GoServerProcess;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration-dependent behaviour with the Go notary-server as oracle, both servers on the same config
 * ({@code repositories.gun_prefixes}, {@code caching.max_age.*}, plain HTTP): GUN-prefix refusals and the caching
 * headers of current and consistent metadata of a repository the notary CLI published on each.
 */
class GoOracleConfigTest {

    private static final Consumer<ObjectNode> CONFIG = config -> {
        ((ObjectNode) config.get("server")).remove(List.of("tls_cert_file", "tls_key_file"));
        config.putObject("repositories").putArray("gun_prefixes").add("docker.io/").add("my-own-registry.com/");
        ObjectNode maxAge = config.putObject("caching").putObject("max_age");
        maxAge.put("current_metadata", 0);
        maxAge.put("consistent_metadata", 60);
    };

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void gunPrefixesAndCachingHeadersAsGo(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (GoServerProcess go = GoServerProcess.start(dir.resolve("go"), CONFIG);
             TestServer ours = TestServer.start(pki, CONFIG)) {
            for (String url : List.of(go.url(), ours.url())) {
                NotaryCli cli = NotaryCli.forServer(dir.resolve("trust-" + url.hashCode()), url, pki.rootCaCert())
                        .withPassphrase("oracle-passphrase");
                cli.run("init", "docker.io/app").requireSuccess();
                cli.run("publish", "docker.io/app").requireSuccess();
                assertThat(cli.run("init", "elsewhere.org/app").succeeded()).isFalse();
            }
            for (String[] call : new String[][] {
                    {"POST", "/v2/elsewhere.org/app/_trust/tuf/"},
                    {"GET", "/v2/elsewhere.org/app/_trust/tuf/root.json"},
                    {"GET", "/v2/elsewhere.org/app/_trust/tuf/1.root.json"},
                    {"GET", "/v2/elsewhere.org/app/_trust/tuf/timestamp.key"},
                    {"POST", "/v2/elsewhere.org/app/_trust/tuf/snapshot.key"},
                    {"DELETE", "/v2/elsewhere.org/app/_trust/tuf/"},
                    {"GET", "/v2/elsewhere.org/app/_trust/changefeed?records=1"},
                    {"GET", "/v2/docker.io/other/_trust/tuf/root.json"},
                    {"GET", "/v2/docker.iox/_trust/tuf/root.json"}}) {
                HttpResponse<String> expected = send(go.url(), call[0], call[1]);
                HttpResponse<String> actual = send(ours.url(), call[0], call[1]);
                String what = call[0] + " " + call[1];
                assertThat(actual.statusCode()).as(what).isEqualTo(expected.statusCode());
                assertThat(actual.body()).as(what).isEqualTo(expected.body());
            }
            for (String path : List.of("/v2/docker.io/app/_trust/tuf/root.json", "/v2/docker.io/app/_trust/tuf/1.root.json",
                    "/v2/docker.io/app/_trust/tuf/timestamp.json", "/v2/docker.io/app/_trust/tuf/snapshot.json",
                    "/v2/docker.io/app/_trust/tuf/2.targets.json")) {
                HttpResponse<String> expected = send(go.url(), "GET", path);
                HttpResponse<String> actual = send(ours.url(), "GET", path);
                assertThat(actual.statusCode()).as(path).isEqualTo(expected.statusCode()).isEqualTo(200);
                for (String header : List.of("Cache-Control", "Pragma", "Content-Type")) {
                    assertThat(actual.headers().firstValue(header)).as(path + " " + header)
                            .isEqualTo(expected.headers().firstValue(header));
                }
                assertThat(actual.headers().firstValue("Last-Modified")).as(path).isPresent();
            }
        }
    }

    private HttpResponse<String> send(String base, String method, String path) {
        return TestServer.send(client, HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
