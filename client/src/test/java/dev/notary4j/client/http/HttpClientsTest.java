package dev.notary4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.testkit.TestPki;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NotaryClients share HTTP clients (pooled connections), but never across different trusted CAs or timeouts. */
class HttpClientsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void sameBundleAndTimeoutShareOneClient() throws Exception {
        Path bundle = TestPki.generate(dir.resolve("pki")).rootCaCert();
        Path copy = Files.copy(bundle, dir.resolve("copy.crt"));
        HttpClient first = HttpClients.create(Optional.of(bundle), TIMEOUT);
        assertThat(HttpClients.create(Optional.of(bundle), TIMEOUT)).isSameAs(first);
        assertThat(HttpClients.create(Optional.of(copy), TIMEOUT)).as("same content, other path").isSameAs(first);
        assertThat(HttpClients.create(Optional.of(bundle), TIMEOUT.plusSeconds(1))).isNotSameAs(first);
    }

    @Test
    void aChangedBundleGetsAClientOfItsOwn() throws Exception {
        Path bundle = dir.resolve("ca.crt");
        Files.copy(TestPki.generate(dir.resolve("pki-a")).rootCaCert(), bundle);
        HttpClient before = HttpClients.create(Optional.of(bundle), TIMEOUT);
        Files.copy(TestPki.generate(dir.resolve("pki-b")).rootCaCert(), bundle,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        HttpClient after = HttpClients.create(Optional.of(bundle), TIMEOUT);
        assertThat(after).isNotSameAs(before);
        assertThat(after.sslContext()).isNotSameAs(before.sslContext());
    }
}
