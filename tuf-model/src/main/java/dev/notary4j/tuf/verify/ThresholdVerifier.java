package dev.notary4j.tuf.verify;

import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.tuf.model.SignedEnvelope;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * notary's {@code VerifySignatures}: a signature counts when its key ID is one of the role's, its method is
 * supported for the key and it verifies over the canonical bytes; invalid and unknown signatures are skipped;
 * each key counts once.
 */
public final class ThresholdVerifier {
    private ThresholdVerifier() {
    }

    /**
     * Verifies a parsed file in Go's order: no signatures, then threshold &lt; 1, then the canonical bytes (which
     * fail for e.g. non-integral numbers), then the signatures.
     *
     * @return the IDs of the role keys that signed validly
     */
    public static Set<String> verify(SignedEnvelope envelope, VerificationRole role) {
        return verify(envelope::canonicalSigned, envelope.signatures(), role);
    }

    /** As {@link #verify(SignedEnvelope, VerificationRole)} for canonical bytes computed by the caller. */
    public static Set<String> verify(byte[] canonical, List<Signature> signatures, VerificationRole role) {
        return verify(() -> canonical, signatures, role);
    }

    private static Set<String> verify(Supplier<byte[]> canonical, List<Signature> signatures,
            VerificationRole role) {
        if (signatures.isEmpty()) {
            throw new NoSignaturesException(role.name());
        }
        if (role.threshold() < 1) {
            throw new InvalidThresholdException(role.name(), role.threshold());
        }
        byte[] message = canonical.get();
        Set<String> valid = new LinkedHashSet<>();
        for (Signature signature : signatures) {
            TufKey key = role.keys().get(signature.keyId());
            if (key == null || valid.contains(signature.keyId())) {
                continue; // an unknown key, or a key already counted (its ID check passed then)
            }
            if (!key.id().equals(signature.keyId())) {
                throw new KeyIdMismatchException(role.name(), signature.keyId(), key.id());
            }
            if (SignatureVerifier.verify(key, signature.method(), message, signature.sig())) {
                valid.add(signature.keyId());
            }
        }
        if (valid.size() < role.threshold()) {
            throw new ThresholdNotMetException(role.name(), role.threshold(), valid.size());
        }
        return Collections.unmodifiableSet(valid);
    }
}
