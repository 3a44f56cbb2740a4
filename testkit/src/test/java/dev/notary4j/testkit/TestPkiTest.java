package dev.notary4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void writesTheFilesCertsShWritesWithTheRequestedKeyType(KeyType keyType) throws Exception {
        TestPki pki = TestPki.generate(dir, keyType);

        String algorithm = keyType == KeyType.RSA ? "RSA" : "EC";
        X509Certificate ca = Pem.readCertificates(dir.resolve("root-ca.crt")).get(0);
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo(algorithm);
        ca.verify(ca.getPublicKey());

        for (String leaf : List.of("notary-server", "notary-signer", "signer-client")) {
            X509Certificate cert = Pem.readCertificates(dir.resolve(leaf + ".crt")).get(0);
            cert.verify(ca.getPublicKey());
            cert.checkValidity();
            assertThat(cert.getBasicConstraints()).as(leaf).isEqualTo(-1);
            assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo(algorithm);
            String key = Files.readString(dir.resolve(leaf + ".key"));
            assertThat(key).as("unencrypted PKCS#8").startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(Pem.readPrivateKey(dir.resolve(leaf + ".key")).getAlgorithm()).isEqualTo(algorithm);
        }
        assertThat(pki.serverCert()).isEqualTo(dir.resolve("notary-server.crt"));
        assertThat(pki.signerClientKey()).isEqualTo(dir.resolve("signer-client.key"));
    }

    @Test
    void serverAndSignerCertificatesNameTheLoopbackAddresses() throws Exception {
        TestPki pki = TestPki.generate(dir);

        for (Path certFile : List.of(pki.serverCert(), pki.signerCert())) {
            X509Certificate cert = Pem.readCertificates(certFile).get(0);
            Set<String> names = cert.getSubjectAlternativeNames().stream()
                    .map(name -> (String) name.get(1)).collect(Collectors.toSet());
            // Java prints ::1 in its long form.
            assertThat(names).contains("localhost", "127.0.0.1").containsAnyOf("::1", "0:0:0:0:0:0:0:1");
        }
        assertThat(Pem.readCertificates(pki.serverCert()).get(0).getExtendedKeyUsage())
                .containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(Pem.readCertificates(pki.signerCert()).get(0).getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(Pem.readCertificates(pki.signerClientCert()).get(0).getExtendedKeyUsage())
                .containsExactly(CLIENT_AUTH);
    }

    @Test
    void opensAnExistingDirectoryAndRejectsAnIncompleteOne() throws Exception {
        TestPki.generate(dir);
        assertThat(TestPki.open(dir).rootCaCert()).exists();

        Files.delete(dir.resolve("signer-client.key"));
        assertThatThrownBy(() -> TestPki.open(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signer-client.key");
    }
}
