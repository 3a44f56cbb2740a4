package dev.notary4j.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.wrapper.config.SettingsLoader;
import dev.notary4j.wrapper.support.WrapperHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with the certs/ layout, and client certificates required when a client CA is configured (Gatekeeper). */
class TlsTest {
    @TempDir
    Path dir;

    private Wrapper start(TestPki pki, boolean clientCa) throws IOException {
        ObjectNode config = WrapperHarness.tofuConfig("n:1", "https://127.0.0.1:1", null);
        config.put("trust_dir", dir.resolve("trust").toString());
        ObjectNode server = config.putObject("server").put("http_addr", "127.0.0.1:0")
                .put("tls_cert_file", pki.serverCert().toString()).put("tls_key_file", pki.serverKey().toString());
        if (clientCa) {
            server.put("client_ca_file", pki.rootCaCert().toString());
        }
        Path file = dir.resolve("wrapper.json");
        Files.writeString(file, config.toString());
        return Wrapper.start(SettingsLoader.load(file, Map.of()), Clock.systemUTC());
    }

    private static HttpResponse<String> health(Wrapper wrapper, SSLContext tls) throws Exception {
        return HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + wrapper.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttps() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (Wrapper wrapper = start(pki, false)) {
            assertThat(health(wrapper, pki.clientSslContext()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void requiresAClientCertificateSignedByTheClientCa() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (Wrapper wrapper = start(pki, true)) {
            assertThat(health(wrapper, pki.signerClientSslContext()).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> health(wrapper, pki.clientSslContext())).isInstanceOf(IOException.class);
        }
    }
}
