package dev.notary4j.testkit;

/** Key type of the certificates a {@link TestPki} issues. */
public enum KeyType {
    /** ECDSA on NIST P-256, signatures SHA256withECDSA (what certs.sh makes by default). */
    ECDSA_P256,
    /** RSA 2048 for leaves and 4096 for the CA, signatures SHA256withRSA (certs.sh with CERT_KEY_ALG=rsa). */
    RSA
}
