package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS listener: TLS 1.2 clients (Go's minimum), client certificates required with {@code server.client_ca_file}. */
class TlsTest {

    @Test
    void clientCaFileRequiresACertificateFromThatCa(@TempDir Path dir) {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki, config -> ((ObjectNode) config.get("server"))
                .put("client_ca_file", pki.rootCaCert().toString()))) {
            HttpClient withCertificate = HttpClient.newBuilder().sslContext(pki.signerClientSslContext()).build();
            assertThat(TestServer.send(withCertificate, HttpRequest.newBuilder(URI.create(server.url() + "/v2/")))
                    .statusCode()).isEqualTo(200);
            HttpClient anonymous = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();
            assertThatThrownBy(() -> TestServer.send(anonymous, HttpRequest.newBuilder(URI.create(server.url() + "/v2/"))))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void tls12ClientsAreServed(@TempDir Path dir) {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki)) {
            SSLParameters tls12 = new SSLParameters();
            tls12.setProtocols(new String[] {"TLSv1.2"});
            HttpClient current = HttpClient.newBuilder().sslContext(pki.clientSslContext()).sslParameters(tls12).build();
            assertThat(TestServer.send(current, HttpRequest.newBuilder(URI.create(server.url() + "/v2/"))).statusCode())
                    .isEqualTo(200);
        }
    }
}
