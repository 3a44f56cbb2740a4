package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a connection may cost the server: headers large enough for real bearer tokens, no idle connection forever. */
class ConnectionLimitsTest {

    @Test
    void headersOfSeveralKibibytesAreServed(@TempDir Path dir) {
        TestPki pki = TestPki.generate(dir);
        try (TestServer server = TestServer.start(pki)) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url() + "/v2/"))
                    .header("X-Token-With-Chain", "x".repeat(20_000)).GET());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir);
        try (TestServer server = TestServer.start(pki,
                config -> config.with("server").put("idle_timeout_seconds", 1))) {
            URI url = URI.create(server.url());
            try (SSLSocket socket = (SSLSocket) server.sslContext().getSocketFactory()
                    .createSocket(url.getHost(), url.getPort())) {
                socket.startHandshake();
                socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
                long start = System.nanoTime();
                assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            }
        }
    }
}
