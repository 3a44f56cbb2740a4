package dev.notary4j.signer.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.signer.cli.SignerCommandLine;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.PublicKey;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notary-signer -config FILE rotate-passphrase --from OLD --to NEW} on a database the Go signer filled; the
 * Go signer then reads the keys under the new alias only.
 */
class RotatePassphraseInteropTest {

    @TempDir
    Path dir;

    @Test
    void goSignerUsesRotatedKeysUnderTheNewAliasOnly() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        byte[] content = "rotated".getBytes(StandardCharsets.UTF_8);
        try (TestDatabase db = PostgresDatabases.createWithGoSchema("signer-rotate-cli", PostgresDatabases.GoSchema.SIGNER)) {
            PublicKey ecdsa;
            PublicKey ed25519;
            try (GoNotarySigner go = GoNotarySigner.builder(pki, dir).postgres(db.goUrl())
                    .passphrase("leaked", "the leaked passphrase").logLevel("error").start();
                 GoSignerClient client = new GoSignerClient(go)) {
                ecdsa = client.create("ecdsa", "example.com/rotate", "timestamp");
                ed25519 = client.create("ed25519", "example.com/rotate", "snapshot");
            }

            Path config = Files.writeString(dir.resolve("signer.json"), """
                    {"server": {"grpc_addr": "127.0.0.1:0", "tls_cert_file": "pki/notary-signer.crt",
                                "tls_key_file": "pki/notary-signer.key"},
                     "storage": {"backend": "postgres", "db_url": "%s", "default_alias": "fresh"}}
                    """.formatted(db.goUrl()));
            SignerCommandLine.Result result = SignerCommandLine.run(Map.of(
                            "NOTARY_SIGNER_LEAKED", "the leaked passphrase",
                            "NOTARY_SIGNER_FRESH", "the fresh passphrase"),
                    "-config", config.toString(), "rotate-passphrase", "--from", "leaked", "--to", "fresh");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("re-encrypted 2 keys from alias leaked to fresh");
            assertThat(result.out() + result.err()).doesNotContain("passphrase\"").doesNotContain("the leaked passphrase");

            try (GoNotarySigner go = GoNotarySigner.builder(pki, dir).postgres(db.goUrl())
                    .passphrase("fresh", "the fresh passphrase").logLevel("error").start();
                 GoSignerClient client = new GoSignerClient(go)) {
                for (PublicKey key : new PublicKey[] {ecdsa, ed25519}) {
                    String keyId = key.getKeyInfo().getKeyID().getID();
                    var signature = client.sign(keyId, content);
                    TufKey publicKey = new TufKey(KeyAlgorithm.fromWireName(key.getKeyInfo().getAlgorithm().getAlgorithm())
                            .orElseThrow(), key.getPublicKey().toByteArray());
                    assertThat(SignatureVerifier.verify(publicKey, signature.getAlgorithm().getAlgorithm(), content,
                            signature.getContent().toByteArray())).isTrue();
                }
            }
            try (GoNotarySigner go = GoNotarySigner.builder(pki, dir).postgres(db.goUrl())
                    .passphrase("leaked", "the leaked passphrase").logLevel("error").start();
                 GoSignerClient client = new GoSignerClient(go)) {
                assertThatThrownBy(() -> client.keys().getKeyInfo(KeyID.newBuilder().setID(ecdsa.getKeyInfo().getKeyID().getID()).build()))
                        .isInstanceOfSatisfying(StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
            }
        }
    }
}
