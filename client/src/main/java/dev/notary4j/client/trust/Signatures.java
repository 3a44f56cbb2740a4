package dev.notary4j.client.trust;

import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.tuf.model.SignedEnvelope;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Threshold check over an envelope's canonical bytes: notary's {@code signed.VerifySignatures}. */
final class Signatures {
    private Signatures() {
    }

    static void requireThreshold(String role, SignedEnvelope envelope, Map<String, TufKey> keys, int threshold) {
        if (envelope.signatures().isEmpty()) {
            throw new NoSignaturesException(role);
        }
        if (threshold < 1) {
            throw new ThresholdNotMetException(role, 0, threshold);
        }
        byte[] message = envelope.canonicalSigned();
        Set<String> valid = new HashSet<>();
        for (Signature signature : envelope.signatures()) {
            TufKey key = keys.get(signature.keyId());
            if (key == null) {
                continue;
            }
            if (!key.id().equals(signature.keyId())) {
                throw new ThresholdNotMetException(role, valid.size(), threshold);
            }
            if (SignatureVerifier.verify(key, signature.method(), message, signature.sig())) {
                valid.add(signature.keyId());
            }
        }
        if (valid.size() < threshold) {
            throw new ThresholdNotMetException(role, valid.size(), threshold);
        }
    }
}
