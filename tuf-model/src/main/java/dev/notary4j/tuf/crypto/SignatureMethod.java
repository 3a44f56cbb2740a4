package dev.notary4j.tuf.crypto;

import java.util.Locale;
import java.util.Optional;

/** Signature {@code method} values notary understands; Go lower-cases the method when decoding. */
public enum SignatureMethod {
    ECDSA("ecdsa"),
    RSAPSS("rsapss"),
    RSA_PKCS1V15("rsapkcs1v15"),
    PYCRYPTO_PSS("pycrypto-pkcs#1 pss"),
    EDDSA("eddsa");

    private final String wireName;

    SignatureMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SignatureMethod> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (SignatureMethod method : values()) {
            if (method.wireName.equals(lower)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
