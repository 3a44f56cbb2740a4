package dev.notary4j.signer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.signer.keys.KeyService;
import dev.notary4j.signer.keys.Passphrases;
import dev.notary4j.signer.keys.PublicKeyInfo;
import dev.notary4j.signer.keys.SignatureResult;
import dev.notary4j.signer.proto.GetKeyInfoResponse;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.PublicKey;
import dev.notary4j.signer.proto.Signature;
import dev.notary4j.signer.store.PrivateKeyTable;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Law 1 for the key table: the real Go notary-signer 0.7 and our store share one PostgreSQL database and each
 * uses the other's rows (same JWE, same key IDs, signatures that verify).
 */
class GoSignerInteropTest {

    private static final String ALIAS = "interopalias";
    private static final String PASSPHRASE = "interop passphrase, throwaway";
    private static final byte[] CONTENT = "{\"_type\":\"Timestamp\",\"version\":1}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private TestPki pki;
    private TestDatabase scratch;
    private Database database;

    @BeforeEach
    void setUp() {
        pki = TestPki.generate(dir.resolve("pki"));
        scratch = PostgresDatabases.createWithGoSchema("signer-interop", PostgresDatabases.GoSchema.SIGNER);
        database = Database.open(new DatabaseSettings(StorageBackend.POSTGRES, scratch.jdbcUrl(), "signer", true, 2));
    }

    @AfterEach
    void tearDown() {
        database.close();
        scratch.close();
    }

    private KeyService ourKeys(String alias, String passphrase) {
        return new KeyService(new PrivateKeyTable(database.dsl()),
                Passphrases.fromEnvironment(Map.of(Passphrases.environmentName(alias), passphrase)), alias);
    }

    private GoNotarySigner goSigner(String alias, String passphrase) {
        return GoNotarySigner.builder(pki, dir).postgres(scratch.goUrl()).passphrase(alias, passphrase).logLevel("error").start();
    }

    @Test
    void keysTheGoSignerCreatedDecryptAndSignHere() throws InterruptedException {
        PublicKey goEcdsa;
        PublicKey goEd25519;
        PublicKey goPending;
        try (GoNotarySigner go = goSigner(ALIAS, PASSPHRASE); GoSignerClient client = new GoSignerClient(go)) {
            goEcdsa = client.create("ecdsa", "example.com/go-made", "timestamp");
            goEd25519 = client.create("ed25519", "example.com/go-made", "snapshot");
            goPending = client.create("ecdsa", "example.com/go-pending", "timestamp");
        }
        KeyService ours = ourKeys(ALIAS, PASSPHRASE);
        for (PublicKey goKey : new PublicKey[] {goEcdsa, goEd25519}) {
            String algorithm = goKey.getKeyInfo().getAlgorithm().getAlgorithm();
            TufKey publicKey = new TufKey(KeyAlgorithm.fromWireName(algorithm).orElseThrow(), goKey.getPublicKey().toByteArray());
            String keyId = goKey.getKeyInfo().getKeyID().getID();
            assertThat(publicKey.id()).isEqualTo(keyId);

            PublicKeyInfo info = ours.keyInfo(keyId).orElseThrow();
            assertThat(info.publicBytes()).isEqualTo(goKey.getPublicKey().toByteArray());
            assertThat(info.keyId()).isEqualTo(keyId);

            SignatureResult signature = ours.sign(keyId, CONTENT).orElseThrow();
            assertThat(SignatureVerifier.verify(publicKey, signature.method(), CONTENT, signature.signature())).isTrue();
        }
        // Our CreateKey hands out the Go signer's pending key for the same triple, and a new one once ours signed.
        assertThat(ours.createKey("ecdsa", "example.com/go-pending", "timestamp").keyId())
                .isEqualTo(goPending.getKeyInfo().getKeyID().getID());
        assertThat(ours.createKey("ed25519", "example.com/go-made", "snapshot").keyId())
                .isNotEqualTo(goEd25519.getKeyInfo().getKeyID().getID());
    }

    @Test
    void keysWeCreatedDecryptAndSignInTheGoSigner() throws InterruptedException {
        KeyService ours = ourKeys(ALIAS, PASSPHRASE);
        PublicKeyInfo ecdsa = ours.createKey("ecdsa", "example.com/java-made", "timestamp");
        PublicKeyInfo ed25519 = ours.createKey("ed25519", "example.com/java-made", "snapshot");
        try (GoNotarySigner go = goSigner(ALIAS, PASSPHRASE); GoSignerClient client = new GoSignerClient(go)) {
            for (PublicKeyInfo key : new PublicKeyInfo[] {ecdsa, ed25519}) {
                GetKeyInfoResponse info = client.keys().getKeyInfo(KeyID.newBuilder().setID(key.keyId()).build());
                assertThat(info.getPublicKey().toByteArray()).isEqualTo(key.publicBytes());
                assertThat(info.getRole()).isEqualTo(key.role());
                assertThat(info.getKeyInfo().getKeyID().getID()).isEqualTo(key.keyId());

                Signature signature = client.sign(key.keyId(), CONTENT);
                TufKey publicKey = new TufKey(KeyAlgorithm.fromWireName(key.algorithm()).orElseThrow(), key.publicBytes());
                assertThat(SignatureVerifier.verify(publicKey, signature.getAlgorithm().getAlgorithm(), CONTENT,
                        signature.getContent().toByteArray())).isTrue();
            }
            // The Go signer's pending-key query finds our row for the same triple (and returns it, not a new key).
            assertThat(client.create("ecdsa", "example.com/java-made", "timestamp").getKeyInfo().getKeyID().getID())
                    .isNotEqualTo(ecdsa.keyId()); // the Go Sign above activated it
            PublicKeyInfo pending = ours.createKey("ecdsa", "example.com/java-pending", "timestamp");
            assertThat(client.create("ecdsa", "example.com/java-pending", "timestamp").getKeyInfo().getKeyID().getID())
                    .isEqualTo(pending.keyId());
        }
    }
}
