package dev.notary4j.tuf.model;

import dev.notary4j.tuf.json.EnvelopeSignature;
import dev.notary4j.tuf.json.GoBase64;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the envelope's {@code signatures}. The method is lower-cased as notary's decoder does. {@code sig}
 * is null only when the file said {@code "sig":null} (never valid, but Go accepts and re-writes it).
 */
public record Signature(String keyId, String method, byte[] sig) implements EnvelopeSignature {
    public Signature {
        Objects.requireNonNull(keyId, "keyId");
        method = Objects.requireNonNull(method, "method").toLowerCase(Locale.ROOT);
        sig = sig == null ? null : sig.clone();
    }

    @Override
    public byte[] sig() {
        return sig == null ? null : sig.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && keyId.equals(s.keyId) && method.equals(s.method)
                && Arrays.equals(sig, s.sig);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, method, Arrays.hashCode(sig));
    }

    @Override
    public String toString() {
        return "Signature[keyId=" + keyId + ", method=" + method + ", sig="
                + (sig == null ? "null" : GoBase64.encode(sig)) + "]";
    }
}
