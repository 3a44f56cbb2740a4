package dev.notary4j.tuf.crypto;

import java.util.Optional;

/** The key types notary writes into TUF metadata ({@code keytype}). */
public enum KeyAlgorithm {
    ECDSA("ecdsa"),
    ECDSA_X509("ecdsa-x509"),
    RSA("rsa"),
    RSA_X509("rsa-x509"),
    ED25519("ed25519");

    private final String wireName;

    KeyAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isCertificate() {
        return this == ECDSA_X509 || this == RSA_X509;
    }

    /** Exact match: notary compares key types case-sensitively. */
    public static Optional<KeyAlgorithm> fromWireName(String name) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
