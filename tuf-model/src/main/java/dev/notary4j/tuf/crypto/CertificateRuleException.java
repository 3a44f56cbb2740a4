package dev.notary4j.tuf.crypto;

/** A certificate (or certificate bundle) that notary's rules reject; {@code subject} is the certificate CN if known. */
public final class CertificateRuleException extends Exception {

    /** The rule that failed, named after the check in notary. */
    public enum Rule {
        /** Not a PEM bundle of parsable CERTIFICATE blocks ({@code LoadCertBundleFromPEM}). */
        INVALID_BUNDLE,
        /** Not exactly one non-CA certificate in the bundle. */
        LEAF_COUNT,
        /** The bundle does not start with its leaf. */
        LEAF_NOT_FIRST,
        /** CommonName is neither the GUN nor a matching {@code prefix*} wildcard. */
        COMMON_NAME_MISMATCH,
        /** NotBefore after NotAfter. */
        VALIDITY_WINDOW_INVALID,
        /** SHA-1 based signature algorithm. */
        SHA1_SIGNATURE,
        /** RSA key shorter than 2048 bits. */
        RSA_KEY_TOO_SHORT,
        /** Expired, or NotBefore more than one day ahead. */
        EXPIRED,
        /** Leaf key is neither RSA nor ECDSA, so it cannot become a TUF key. */
        UNSUPPORTED_KEY_ALGORITHM
    }

    private final Rule rule;
    private final String subject;

    public CertificateRuleException(Rule rule, String subject, String message) {
        super(message);
        this.rule = rule;
        this.subject = subject;
    }

    public Rule rule() {
        return rule;
    }

    /** The certificate's CommonName, or empty when the failure is about the bundle as a whole. */
    public String subject() {
        return subject;
    }
}
