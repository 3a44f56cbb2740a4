package dev.notary4j.wrapper.admission;

import java.util.Optional;

/**
 * The verdict on one image: {@code pinned} is {@code gun@sha256:hex} when verified; {@code reason} says why not.
 * {@code policy} is empty when no trust policy covers the image.
 */
public record ImageDecision(String image, String endpoint, Optional<String> policy, Verdict verdict,
        Optional<String> pinned, String reason) {
    public enum Verdict {
        VERIFIED, DENIED, AUDITED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean allowed() {
        return verdict != Verdict.DENIED;
    }
}
