package dev.notary4j.tuf.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Checks against files written by the real Go notary 0.7.0 CLI, server and signer (crypto-vectors/README.md).
 * Every expected key ID, certificate and signature here was produced by Go.
 */
class GoVectorsTest {
    private static final String GO_GUN = "example.com/crypto/vec";
    private static final Instant GO_CERT_VALID_AT = Instant.parse("2027-01-01T00:00:00Z");
    private static final String FIXTURE_GUN = "docker.com/notary0.3/tst";
    private static final Instant FIXTURE_CERT_VALID_AT = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void goPublishedTargetsSnapshotAndTimestampSignaturesVerify() {
        JsonNode keys = Vectors.json("go-publish/root.json").get("signed").get("keys");
        for (String role : new String[] {"targets", "snapshot", "timestamp"}) {
            assertAllSignaturesVerify("go-publish/" + role + ".json", keys);
        }
    }

    @Test
    void notary03FixtureSignaturesVerifyIncludingRsaPssDelegation() throws Exception {
        JsonNode keys = Vectors.json("notary03-fixture/root.json").get("signed").get("keys");
        for (String role : new String[] {"targets", "snapshot", "timestamp"}) {
            assertAllSignaturesVerify("notary03-fixture/" + role + ".json", keys);
        }
        JsonNode delegationKeys = Vectors.json("notary03-fixture/targets.json").get("signed").get("delegations").get("keys");
        assertAllSignaturesVerify("notary03-fixture/targets-releases.json", delegationKeys);
        JsonNode signature = Vectors.json("notary03-fixture/targets-releases.json").get("signatures").get(0);
        assertThat(signature.get("method").asText()).isEqualTo("rsapss");
        TufKey delegationKey = Vectors.key(delegationKeys.get(signature.get("keyid").asText()));
        assertThat(delegationKey.keyType()).isEqualTo("rsa-x509");
        Certificates.checkDelegationKey(delegationKey); // T2 passes for Go's own 2048-bit SHA-256 certificate
    }

    @Test
    void goEd25519TimestampSignatureVerifies() {
        JsonNode keys = Vectors.json("go-ed25519/root.json").get("signed").get("keys");
        assertAllSignaturesVerify("go-ed25519/timestamp.json", keys);
        assertThat(Vectors.json("go-ed25519/timestamp.json").get("signatures").get(0).get("method").asText())
                .isEqualTo("eddsa");
    }

    @Test
    void goRootSignatureVerifiesThroughRebuiltCertificateKey() throws Exception {
        assertRootValidates("go-publish/root.json", GO_GUN, GO_CERT_VALID_AT);
        assertRootValidates("notary03-fixture/root.json", FIXTURE_GUN, FIXTURE_CERT_VALID_AT);
        assertRootValidates("go-ed25519/root.json", "example.com/crypto/ed", GO_CERT_VALID_AT);
    }

    @Test
    void rootKeySelectionFollowsGoForNewAndPreviousRoots() {
        TufKey published = Vectors.key(Vectors.json("go-publish/root.json").get("signed").get("keys")
                .get("766b0a3196ebbef75e2b9e50d63e1b26aaedf656155aa7dce23c7cf5040a0736"));
        TufKey plain = Vectors.key(Vectors.json("go-publish/root.json").get("signed").get("keys")
                .get("4e30e64c1b0a499f26c437114b9619e6497b4da139300024b92a793a5771ef95"));

        Certificates.RootKeySelection valid = Certificates.rootKeysOfNewRoot(List.of(published, plain), GO_GUN, GO_CERT_VALID_AT);
        assertThat(valid.keys()).containsExactly(published);
        assertThat(valid.rejected()).containsOnlyKeys(plain.id());
        assertThat(valid.rejected().get(plain.id()).rule()).isEqualTo(CertificateRuleException.Rule.INVALID_BUNDLE);

        Instant afterExpiry = Instant.parse("2040-01-01T00:00:00Z");
        Certificates.RootKeySelection expired = Certificates.rootKeysOfNewRoot(List.of(published), GO_GUN, afterExpiry);
        assertThat(expired.keys()).isEmpty();
        assertThat(expired.rejected().get(published.id()).rule()).isEqualTo(CertificateRuleException.Rule.EXPIRED);
        assertThat(Certificates.rootKeysOfPreviousRoot(List.of(published), GO_GUN).keys()).containsExactly(published);
        assertThat(Certificates.rootKeysOfPreviousRoot(List.of(published), "example.com/other").rejected()
                .get(published.id()).rule()).isEqualTo(CertificateRuleException.Rule.COMMON_NAME_MISMATCH);
    }

    @Test
    void goEncryptedKeyFileDecodesToTheKeyGoNamedItAfter() throws Exception {
        byte[] pkcs8 = decryptKeyFile("go-publish/private/4e30e64c1b0a499f26c437114b9619e6497b4da139300024b92a793a5771ef95.key",
                "tpass");
        TufPrivateKey targetsKey = TufPrivateKey.fromPkcs8(pkcs8);

        assertThat(targetsKey.id()).isEqualTo("4e30e64c1b0a499f26c437114b9619e6497b4da139300024b92a793a5771ef95");
        assertThat(targetsKey.privateBytes()).hasSize(121).startsWith(0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20);
        assertThat(targetsKey.toPkcs8()).as("notary's PKCS#8 layout, byte for byte").isEqualTo(pkcs8);
        TufKey published = Vectors.key(Vectors.json("go-publish/root.json").get("signed").get("keys")
                .get(targetsKey.id()));
        assertThat(targetsKey.publicKey()).isEqualTo(published);
        assertThat(TufPrivateKey.fromPrivateBytes(KeyAlgorithm.ECDSA, targetsKey.privateBytes())).isEqualTo(targetsKey);

        byte[] message = Vectors.signedBytes("go-publish/targets.json");
        assertThat(SignatureVerifier.verify(published, "ecdsa", message, targetsKey.sign(message))).isTrue();
    }

    @Test
    void goRootKeySignsForItsCertificate() throws Exception {
        TufPrivateKey rootKey = TufPrivateKey.fromPkcs8(decryptKeyFile(
                "go-publish/private/0951dad0ffb14e864e732d39ea009c57489b8b0f18ba6e818beaf907f797d075.key", "rootpass"));
        assertThat(rootKey.id()).isEqualTo("0951dad0ffb14e864e732d39ea009c57489b8b0f18ba6e818beaf907f797d075");
        TufKey certificateKey = Vectors.key(Vectors.json("go-publish/root.json").get("signed").get("keys")
                .get("766b0a3196ebbef75e2b9e50d63e1b26aaedf656155aa7dce23c7cf5040a0736"));
        assertThat(certificateKey.canonicalId()).isEqualTo(rootKey.id());
        byte[] message = Vectors.signedBytes("go-publish/root.json");
        assertThat(SignatureVerifier.verify(certificateKey, "ecdsa", message, rootKey.sign(message))).isTrue();
    }

    @Test
    void tamperedGoSignatureFails() {
        JsonNode keys = Vectors.json("go-publish/root.json").get("signed").get("keys");
        JsonNode signature = Vectors.json("go-publish/targets.json").get("signatures").get(0);
        byte[] sig = Vectors.sig(signature);
        sig[5] ^= 1;
        assertThat(SignatureVerifier.check(Vectors.key(keys.get(signature.get("keyid").asText())), "ecdsa",
                Vectors.signedBytes("go-publish/targets.json"), sig)).isEqualTo(Verification.INVALID_SIGNATURE);
    }

    private static void assertAllSignaturesVerify(String file, JsonNode keys) {
        byte[] message = Vectors.signedBytes(file);
        JsonNode signatures = Vectors.json(file).get("signatures");
        assertThat(signatures.size()).as(file).isPositive();
        for (JsonNode signature : signatures) {
            TufKey key = Vectors.key(keys.get(signature.get("keyid").asText()));
            assertThat(key.id()).isEqualTo(signature.get("keyid").asText());
            assertThat(SignatureVerifier.check(key, signature.get("method").asText(), message, Vectors.sig(signature)))
                    .as(file).isEqualTo(Verification.VALID);
        }
    }

    /** R3/R4, then R7's key rebuild: the rebuilt key's ID must be the signature's key ID. */
    private static void assertRootValidates(String file, String gun, Instant now) throws CertificateRuleException {
        JsonNode root = Vectors.json(file);
        JsonNode rootKeyIds = root.get("signed").get("roles").get("root").get("keyids");
        assertThat(rootKeyIds.size()).isEqualTo(1);
        TufKey published = Vectors.key(root.get("signed").get("keys").get(rootKeyIds.get(0).asText()));
        Certificates.RootCertificate parsed = Certificates.parseRootKey(published);
        Certificates.checkRootLeaf(parsed.leaf(), gun, now);
        List<X509Certificate> intermediates = Certificates.validIntermediates(parsed.intermediates(), now);
        TufKey rebuilt = Certificates.toTufKey(parsed.leaf(), intermediates);

        assertThat(rebuilt).as("Go PEM re-encoding is byte-identical").isEqualTo(published);
        assertThat(new String(rebuilt.publicBytes(), StandardCharsets.US_ASCII))
                .isEqualTo(Certificates.toPem(Certificates.parseBundle(published)));
        JsonNode signature = root.get("signatures").get(0);
        assertThat(signature.get("keyid").asText()).isEqualTo(rebuilt.id());
        assertThat(SignatureVerifier.verify(rebuilt, signature.get("method").asText(), Vectors.signedBytes(file),
                Vectors.sig(signature))).isTrue();
    }

    /** Notary's PBES2 (PBKDF2-SHA1, AES-256-CBC) key files, decrypted with the JDK as tuf-client spec §3.4 says. */
    static byte[] decryptKeyFile(String path, String passphrase) throws Exception {
        Pem.Block block = Pem.decodeFirst(Vectors.bytes(path)).orElseThrow();
        assertThat(block.type()).isEqualTo("ENCRYPTED PRIVATE KEY");
        assertThat(block.hasHeaders()).isTrue();
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(block.bytes());
        String algorithm = info.getAlgParameters().toString();
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(passphrase.toCharArray())),
                info.getAlgParameters());
        return info.getKeySpec(cipher).getEncoded();
    }
}
