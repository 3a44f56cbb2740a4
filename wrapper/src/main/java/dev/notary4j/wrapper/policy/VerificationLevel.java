package dev.notary4j.wrapper.policy;

/** Notation's {@code signatureVerification.level}, the two that make sense for Notary v1. */
public enum VerificationLevel {
    /** A failure denies. */
    STRICT,
    /** A failure is logged and counted, and the image is allowed. */
    AUDIT
}
