package dev.notary4j.tuf.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.json.CanonicalJsonException;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Targets;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdVerifierTest {
    private static final TufPrivateKey A = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    private static final TufPrivateKey B = TufPrivateKey.generate(KeyAlgorithm.ED25519);
    private static final TufPrivateKey C = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    private static final Targets BODY = Targets.empty(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 1)
            .withTarget("a<b>&c \u2028", FileMeta.of("x".getBytes(StandardCharsets.UTF_8)));

    private static VerificationRole role(int threshold, TufPrivateKey... keys) {
        Map<String, TufKey> map = new java.util.LinkedHashMap<>();
        for (TufPrivateKey k : keys) {
            map.put(k.id(), k.publicKey());
        }
        return new VerificationRole("targets", map, threshold);
    }

    private static SignedMetadata<Targets> signedBy(TufPrivateKey... keys) {
        List<MetadataSigner> signers = new ArrayList<>();
        for (TufPrivateKey k : keys) {
            signers.add(MetadataSigner.of(k));
        }
        return SignedMetadata.sign(BODY, signers);
    }

    @Test
    void countsDistinctValidKeys() {
        SignedMetadata<Targets> m = signedBy(A, B);
        assertThat(ThresholdVerifier.verify(m.envelope(), role(2, A, B, C))).containsExactlyInAnyOrder(A.id(), B.id());
    }

    @Test
    void noSignatures() {
        SignedMetadata<Targets> m = signedBy();
        assertThatThrownBy(() -> ThresholdVerifier.verify(m.envelope(), role(1, A)))
                .isInstanceOf(NoSignaturesException.class).hasMessage("tuf: data has no signatures");
    }

    @Test
    void thresholdBelowOne() {
        SignedMetadata<Targets> m = signedBy(A);
        assertThatThrownBy(() -> ThresholdVerifier.verify(m.envelope(), role(0, A)))
                .isInstanceOfSatisfying(InvalidThresholdException.class,
                        e -> assertThat(e.threshold()).isZero())
                .hasMessage("valid signatures did not meet threshold");
    }

    @Test
    void duplicateSignaturesOfOneKeyCountOnce() {
        SignedMetadata<Targets> m = signedBy(A, A, A);
        assertThat(m.signatures()).hasSize(3);
        assertThatThrownBy(() -> ThresholdVerifier.verify(m.envelope(), role(2, A, B)))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> {
                    assertThat(e.role()).isEqualTo("targets");
                    assertThat(e.threshold()).isEqualTo(2);
                    assertThat(e.validCount()).isEqualTo(1);
                })
                .hasMessage("valid signatures did not meet threshold for targets");
    }

    @Test
    void unknownKeysInvalidSignaturesAndUnknownMethodsAreSkipped() {
        byte[] canonical = signedBy(A).canonicalSigned();
        Signature good = MetadataSigner.of(B).sign(canonical);
        List<Signature> sigs = List.of(
                MetadataSigner.of(C).sign(canonical), // not a key of the role
                new Signature(A.id(), "ecdsa", new byte[64]), // wrong signature
                new Signature(A.id(), "rsapss", A.sign(canonical)), // method not allowed for the key
                new Signature(A.id(), "bogus", A.sign(canonical)), // unknown method
                new Signature(good.keyId(), "EdDSA", good.sig())); // method case-insensitive
        assertThat(ThresholdVerifier.verify(canonical, sigs, role(1, A, B))).containsExactly(B.id());
        assertThatThrownBy(() -> ThresholdVerifier.verify(canonical, sigs, role(2, A, B)))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> assertThat(e.validCount()).isEqualTo(1));
    }

    @Test
    void changedSignedBytesInvalidateEverySignature() {
        byte[] file = signedBy(A).raw();
        String text = new String(file, StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":2");
        SignedEnvelope tampered = SignedEnvelope.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ThresholdVerifier.verify(tampered, role(1, A)))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> assertThat(e.validCount()).isZero());
    }

    @Test
    void keyListedUnderAnotherIdIsAnErrorEvenAfterTheThresholdWasMet() {
        byte[] canonical = signedBy(A).canonicalSigned();
        Map<String, TufKey> keys = Map.of(A.id(), A.publicKey(), "f00d", C.publicKey());
        List<Signature> sigs = List.of(MetadataSigner.of(A).sign(canonical),
                MetadataSigner.of(C, "f00d").sign(canonical));
        assertThatThrownBy(() -> ThresholdVerifier.verify(canonical, sigs, new VerificationRole("targets", keys, 1)))
                .isInstanceOfSatisfying(KeyIdMismatchException.class, e -> {
                    assertThat(e.listedKeyId()).isEqualTo("f00d");
                    assertThat(e.actualKeyId()).isEqualTo(C.id());
                })
                .hasMessage("key ID is not valid for key content");
    }

    @Test
    void canonicalFailureComesAfterTheSignatureCountChecks() {
        String file = "{\"signed\":{\"_type\":\"Targets\",\"x\":1.5},\"signatures\":[]}";
        SignedEnvelope noSigs = SignedEnvelope.parse(file.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ThresholdVerifier.verify(noSigs, role(1, A))).isInstanceOf(NoSignaturesException.class);
        SignedEnvelope oneSig = SignedEnvelope.parse(file.replace("[]",
                "[{\"keyid\":\"k\",\"method\":\"ecdsa\",\"sig\":\"AAAA\"}]").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ThresholdVerifier.verify(oneSig, role(1, A)))
                .isInstanceOf(CanonicalJsonException.class).hasMessage("json: unsupported value: 1.5");
    }
}
