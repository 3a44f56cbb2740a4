package dev.notary4j.tuf.crypto;

/** Outcome of {@link SignatureVerifier#check}; everything except {@link #VALID} means the signature does not count. */
public enum Verification {
    VALID,
    /** The method is none of notary's signature methods. */
    UNKNOWN_METHOD,
    /** The method is known but not accepted for this key type (e.g. {@code ecdsa} against an RSA key). */
    METHOD_NOT_ALLOWED_FOR_KEY_TYPE,
    /** The key bytes do not decode as the key type says (or hold another kind of key). */
    MALFORMED_KEY,
    /** RSA modulus below 2048 bits. */
    KEY_TOO_SHORT,
    /** Wrong signature length for the key (e.g. DER instead of raw r||s). */
    MALFORMED_SIGNATURE,
    /** Well-formed, but the signature does not verify. */
    INVALID_SIGNATURE;

    public boolean isValid() {
        return this == VALID;
    }
}
