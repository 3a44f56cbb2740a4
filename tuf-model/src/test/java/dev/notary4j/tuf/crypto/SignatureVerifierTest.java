package dev.notary4j.tuf.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureVerifierTest {
    private static final byte[] MESSAGE = "{\"_type\":\"Targets\",\"version\":1}".getBytes(StandardCharsets.UTF_8);

    /** Private keys are slow to make (RSA); one per algorithm for the whole class. */
    private static final Map<KeyAlgorithm, TufPrivateKey> KEYS = Map.of(
            KeyAlgorithm.ECDSA, TufPrivateKey.generate(KeyAlgorithm.ECDSA),
            KeyAlgorithm.RSA, TufPrivateKey.generate(KeyAlgorithm.RSA),
            KeyAlgorithm.ED25519, TufPrivateKey.generate(KeyAlgorithm.ED25519));

    @Test
    void specEd25519VectorIsReproducedAndVerifies() {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        byte[] publicKey = Base64.getDecoder().decode("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=");
        byte[] blob = new byte[96];
        System.arraycopy(publicKey, 0, blob, 0, 32);
        System.arraycopy(seed, 0, blob, 32, 32);
        System.arraycopy(publicKey, 0, blob, 64, 32);
        TufPrivateKey key = TufPrivateKey.fromPrivateBytes(KeyAlgorithm.ED25519, blob);
        byte[] message = ("{\"_type\":\"Targets\",\"delegations\":{\"keys\":{},\"roles\":[]},\"expires\":\"2030-01-01T00:00:00Z\","
                + "\"targets\":{\"v1.0\":{\"hashes\":{\"sha256\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"},\"length\":528}},"
                + "\"version\":1}").getBytes(StandardCharsets.UTF_8);
        byte[] expected = Base64.getDecoder().decode(
                "CXOEZS7M3h8Qr97HQm18lvQAMhzJ5kGnypzXmR+VEVBVxsWdfM/Z9Urizk0rrKibYF7DGVmwitrGesXsaGdkCA==");

        assertThat(key.publicBytes()).isEqualTo(publicKey);
        assertThat(key.id()).isEqualTo("b9fe8d4b54e73abb584e2015aaa447047e53282f491dcc70c40d2474d3096a21");
        assertThat(key.sign(message)).isEqualTo(expected);
        assertThat(SignatureVerifier.verify(key.publicKey(), "eddsa", message, expected)).isTrue();
        message[10] ^= 1;
        assertThat(SignatureVerifier.check(key.publicKey(), "eddsa", message, expected))
                .isEqualTo(Verification.INVALID_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"ECDSA", "RSA", "ED25519"})
    void roundTrip(KeyAlgorithm algorithm) {
        TufPrivateKey key = KEYS.get(algorithm);
        byte[] signature = key.sign(MESSAGE);
        String method = key.signatureMethod().wireName();

        assertThat(SignatureVerifier.check(key.publicKey(), method, MESSAGE, signature)).isEqualTo(Verification.VALID);
        assertThat(SignatureVerifier.verify(key.publicKey(), method.toUpperCase(), MESSAGE, signature))
                .as("Go lower-cases the method").isTrue();
        byte[] tampered = MESSAGE.clone();
        tampered[0] ^= 1;
        assertThat(SignatureVerifier.check(key.publicKey(), method, tampered, signature))
                .isEqualTo(Verification.INVALID_SIGNATURE);
    }

    @Test
    void signatureSizesAreNotarys() {
        assertThat(KEYS.get(KeyAlgorithm.ECDSA).sign(MESSAGE)).hasSize(64);
        assertThat(KEYS.get(KeyAlgorithm.RSA).sign(MESSAGE)).hasSize(256);
        assertThat(KEYS.get(KeyAlgorithm.ED25519).sign(MESSAGE)).hasSize(64);
        assertThat(KEYS.get(KeyAlgorithm.ECDSA).signatureMethod()).isEqualTo(SignatureMethod.ECDSA);
        assertThat(KEYS.get(KeyAlgorithm.RSA).signatureMethod()).isEqualTo(SignatureMethod.RSAPSS);
        assertThat(KEYS.get(KeyAlgorithm.ED25519).signatureMethod()).isEqualTo(SignatureMethod.EDDSA);
    }

    @Test
    void everyMethodAgainstAKeyTypeItDoesNotAcceptIsRejected() {
        Map<SignatureMethod, EnumSet<KeyAlgorithm>> accepted = Map.of(
                SignatureMethod.ECDSA, EnumSet.of(KeyAlgorithm.ECDSA, KeyAlgorithm.ECDSA_X509),
                SignatureMethod.RSAPSS, EnumSet.of(KeyAlgorithm.RSA, KeyAlgorithm.RSA_X509),
                SignatureMethod.RSA_PKCS1V15, EnumSet.of(KeyAlgorithm.RSA, KeyAlgorithm.RSA_X509),
                SignatureMethod.PYCRYPTO_PSS, EnumSet.of(KeyAlgorithm.RSA),
                SignatureMethod.EDDSA, EnumSet.of(KeyAlgorithm.ED25519));
        for (SignatureMethod method : SignatureMethod.values()) {
            for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
                assertThat(SignatureVerifier.accepts(method, algorithm)).as(method + " / " + algorithm)
                        .isEqualTo(accepted.get(method).contains(algorithm));
            }
        }
        // A real, valid signature presented under another method never verifies.
        for (TufPrivateKey key : KEYS.values()) {
            byte[] signature = key.sign(MESSAGE);
            for (SignatureMethod method : SignatureMethod.values()) {
                if (method == key.signatureMethod()) {
                    continue;
                }
                assertThat(SignatureVerifier.verify(key.publicKey(), method.wireName(), MESSAGE, signature))
                        .as(method + " against " + key.algorithm()).isFalse();
            }
        }
        TufPrivateKey rsa = KEYS.get(KeyAlgorithm.RSA);
        assertThat(SignatureVerifier.check(rsa.publicKey(), "hmac-sha256", MESSAGE, rsa.sign(MESSAGE)))
                .isEqualTo(Verification.UNKNOWN_METHOD);
        assertThat(SignatureVerifier.check(rsa.publicKey(), "ecdsa", MESSAGE, rsa.sign(MESSAGE)))
                .isEqualTo(Verification.METHOD_NOT_ALLOWED_FOR_KEY_TYPE);
        TufPrivateKey ed = KEYS.get(KeyAlgorithm.ED25519);
        assertThat(SignatureVerifier.check(new TufKey("mystery", ed.publicBytes()), "eddsa", MESSAGE, ed.sign(MESSAGE)))
                .isEqualTo(Verification.METHOD_NOT_ALLOWED_FOR_KEY_TYPE);
    }

    @Test
    void rsaPkcs1v15IsVerifiedButOnlyForRsaKeys() throws Exception {
        TufPrivateKey rsa = KEYS.get(KeyAlgorithm.RSA);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(rsa.jcaPrivateKey());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        assertThat(SignatureVerifier.check(rsa.publicKey(), "rsapkcs1v15", MESSAGE, signature)).isEqualTo(Verification.VALID);
        assertThat(SignatureVerifier.verify(rsa.publicKey(), "rsapss", MESSAGE, signature)).isFalse();
    }

    @Test
    void pycryptoMethodWantsPemPublicKey() {
        TufPrivateKey rsa = KEYS.get(KeyAlgorithm.RSA);
        byte[] signature = rsa.sign(MESSAGE);
        TufKey pemKey = new TufKey("rsa", Pem.encode("PUBLIC KEY", rsa.publicBytes()).getBytes(StandardCharsets.US_ASCII));
        assertThat(SignatureVerifier.check(pemKey, "pycrypto-pkcs#1 pss", MESSAGE, signature)).isEqualTo(Verification.VALID);
        assertThat(SignatureVerifier.check(rsa.publicKey(), "pycrypto-pkcs#1 pss", MESSAGE, signature))
                .isEqualTo(Verification.MALFORMED_KEY);
    }

    @Test
    void derEcdsaSignatureIsRejected() throws Exception {
        TufPrivateKey ecdsa = KEYS.get(KeyAlgorithm.ECDSA);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(ecdsa.jcaPrivateKey());
        signer.update(MESSAGE);
        byte[] der = signer.sign();
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(SignatureVerifier.check(ecdsa.publicKey(), "ecdsa", MESSAGE, der))
                .isIn(Verification.MALFORMED_SIGNATURE, Verification.INVALID_SIGNATURE)
                .isNotEqualTo(Verification.VALID);
    }

    @Test
    void ecdsaSignatureOfWrongLengthIsRejected() {
        TufPrivateKey ecdsa = KEYS.get(KeyAlgorithm.ECDSA);
        byte[] signature = ecdsa.sign(MESSAGE);
        for (byte[] wrong : List.of(Arrays.copyOf(signature, 63), Arrays.copyOf(signature, 65), new byte[0],
                Arrays.copyOf(signature, 96))) {
            assertThat(SignatureVerifier.check(ecdsa.publicKey(), "ecdsa", MESSAGE, wrong))
                    .isEqualTo(Verification.MALFORMED_SIGNATURE);
        }
        byte[] ed = KEYS.get(KeyAlgorithm.ED25519).sign(MESSAGE);
        assertThat(SignatureVerifier.check(KEYS.get(KeyAlgorithm.ED25519).publicKey(), "eddsa", MESSAGE,
                Arrays.copyOf(ed, 63))).isEqualTo(Verification.MALFORMED_SIGNATURE);
    }

    @Test
    void rsa1024IsRejectedEvenWithAValidSignature() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        Signature signer = Signature.getInstance("RSASSA-PSS");
        signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        TufKey key = new TufKey(KeyAlgorithm.RSA, pair.getPublic().getEncoded());
        assertThat(SignatureVerifier.check(key, "rsapss", MESSAGE, signature)).isEqualTo(Verification.KEY_TOO_SHORT);
    }

    @Test
    void pssSaltOtherThan32IsRejected() throws Exception {
        TufPrivateKey rsa = KEYS.get(KeyAlgorithm.RSA);
        for (int salt : new int[] {0, 20, 31, 33, 64}) {
            Signature signer = Signature.getInstance("RSASSA-PSS");
            signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, 1));
            signer.initSign(rsa.jcaPrivateKey());
            signer.update(MESSAGE);
            assertThat(SignatureVerifier.check(rsa.publicKey(), "rsapss", MESSAGE, signer.sign()))
                    .as("salt " + salt).isEqualTo(Verification.INVALID_SIGNATURE);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void garbageNeverThrows(KeyAlgorithm algorithm) {
        byte[][] garbage = {new byte[0], {0x30}, {0x30, 0x03, 0x02, 0x01, 0x01}, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(),
            new byte[32], new byte[91]};
        for (byte[] keyBytes : garbage) {
            for (SignatureMethod method : SignatureMethod.values()) {
                for (byte[] signature : new byte[][] {new byte[0], new byte[64], new byte[256]}) {
                    Verification result = SignatureVerifier.check(new TufKey(algorithm, keyBytes), method.wireName(),
                            MESSAGE, signature);
                    assertThat(result).isNotEqualTo(Verification.VALID);
                }
            }
        }
        assertThat(SignatureVerifier.verify(null, "ecdsa", MESSAGE, new byte[64])).isFalse();
        assertThat(SignatureVerifier.verify(KEYS.get(KeyAlgorithm.ECDSA).publicKey(), null, MESSAGE, new byte[64])).isFalse();
    }

    @Test
    void ecdsaKeyWithExplicitOrCompressedEncodingIsRejected() {
        byte[] spki = KEYS.get(KeyAlgorithm.ECDSA).publicBytes();
        byte[] trailing = Arrays.copyOf(spki, spki.length + 1);
        assertThat(SignatureVerifier.check(new TufKey(KeyAlgorithm.ECDSA, trailing), "ecdsa", MESSAGE,
                KEYS.get(KeyAlgorithm.ECDSA).sign(MESSAGE))).isEqualTo(Verification.MALFORMED_KEY);
        byte[] offCurve = spki.clone();
        offCurve[offCurve.length - 1] ^= 1;
        assertThat(SignatureVerifier.check(new TufKey(KeyAlgorithm.ECDSA, offCurve), "ecdsa", MESSAGE,
                KEYS.get(KeyAlgorithm.ECDSA).sign(MESSAGE))).isEqualTo(Verification.MALFORMED_KEY);
    }

    @Test
    void ecdsaOnOtherGoCurvesUsesSha256AndFieldSizedHalves() throws Exception {
        java.security.Provider bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        for (String curve : new String[] {"secp224r1", "secp384r1", "secp521r1"}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
            generator.initialize(new java.security.spec.ECGenParameterSpec(curve));
            KeyPair pair = generator.generateKeyPair();
            Signature signer = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
            signer.initSign(pair.getPrivate());
            signer.update(MESSAGE);
            byte[] signature = signer.sign();
            TufKey key = new TufKey(KeyAlgorithm.ECDSA, pair.getPublic().getEncoded());
            assertThat(signature).as(curve).hasSize(Map.of("secp224r1", 56, "secp384r1", 96, "secp521r1", 132).get(curve));
            assertThat(SignatureVerifier.check(key, "ecdsa", MESSAGE, signature)).as(curve).isEqualTo(Verification.VALID);
        }
    }

    @Test
    void methodNamesAreCaseInsensitiveAndExact() {
        assertThat(SignatureMethod.fromWireName("ECDSA")).contains(SignatureMethod.ECDSA);
        assertThat(SignatureMethod.fromWireName("PyCrypto-PKCS#1 PSS")).contains(SignatureMethod.PYCRYPTO_PSS);
        assertThat(SignatureMethod.fromWireName("ecdsa ")).isEmpty();
        assertThat(KeyAlgorithm.fromWireName("ECDSA")).isEmpty();
        assertThat(KeyAlgorithm.fromWireName("rsa-x509")).contains(KeyAlgorithm.RSA_X509);
    }
}
