package dev.notary4j.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.server.config.TrustServiceSettings;
import dev.notary4j.testkit.FreePorts;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.Signature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gRPC client against the Go notary-signer: keys, signatures, health, and a signer that is down. */
class RemoteTrustServiceTest {

    private static TrustServiceSettings settings(TestPki pki, int port) {
        return new TrustServiceSettings(TrustServiceSettings.Type.REMOTE, "localhost", port, Optional.of("ecdsa"),
                Optional.of(pki.rootCaCert()), Optional.of(pki.signerClientCert()), Optional.of(pki.signerClientKey()));
    }

    @Test
    void createsLooksUpAndSignsWithGoSignerKeys(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (GoNotarySigner signer = GoNotarySigner.builder(pki, dir.resolve("signer")).start();
             RemoteTrustService trust = RemoteTrustService.connect(settings(pki, signer.port()))) {
            trust.checkHealth();
            PublicKeyInfo key = trust.createKey("example.com/remote", "timestamp", "ecdsa");
            assertThat(key.keyType()).isEqualTo("ecdsa");
            assertThat(trust.publicKey(key.keyId())).hasValueSatisfying(found -> {
                assertThat(found.keyType()).isEqualTo("ecdsa");
                assertThat(found.publicKey()).isEqualTo(key.publicKey());
            });
            assertThat(trust.publicKey("0".repeat(64))).isEmpty();

            byte[] data = "{\"signed\":\"bytes\"}".getBytes(StandardCharsets.UTF_8);
            Signature signature = trust.sign(key.keyId(), data);
            assertThat(signature.keyId()).isEqualTo(key.keyId());
            assertThat(signature.method()).isEqualTo("ecdsa");
            assertThat(SignatureVerifier.verify(new TufKey(key.keyType(), key.publicKey()), signature.method(), data,
                    signature.sig())).isTrue();
            assertThatThrownBy(() -> trust.sign("0".repeat(64), data)).isInstanceOf(TrustServiceException.class)
                    .isNotInstanceOf(TrustServiceUnavailableException.class)
                    .hasMessageStartingWith("rpc error: code = NotFound desc = ");
        }
    }

    @Test
    void aSignerThatIsDownFailsCallsAndHealthAndIsUsedAsSoonAsItIsBack(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        int port = FreePorts.pick();
        try (RemoteTrustService trust = RemoteTrustService.connect(settings(pki, port))) {
            assertThatThrownBy(trust::checkHealth).isInstanceOf(TrustServiceUnavailableException.class)
                    .hasMessageStartingWith("rpc error: code = Unavailable");
            // Fail for a while: gRPC's reconnect backoff grows past the few seconds the signer needs to start.
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < until) {
                assertThatThrownBy(() -> trust.createKey("gun", "timestamp", "ecdsa"))
                        .isInstanceOf(TrustServiceUnavailableException.class);
                Thread.sleep(300);
            }
            try (GoNotarySigner signer = GoNotarySigner.builder(pki, dir.resolve("signer")).port(port).start()) {
                assertThat(trust.createKey("gun", "timestamp", "ecdsa").keyType()).isEqualTo("ecdsa");
            }
        }
    }
}
