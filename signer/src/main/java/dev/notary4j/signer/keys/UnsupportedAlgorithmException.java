package dev.notary4j.signer.keys;

/** CreateKey for an algorithm notary-signer does not create (anything but ecdsa and ed25519). */
public final class UnsupportedAlgorithmException extends RuntimeException {

    private final String algorithm;

    public UnsupportedAlgorithmException(String algorithm) {
        super("algorithm " + algorithm + " not supported for create key");
        this.algorithm = algorithm;
    }

    public String algorithm() {
        return algorithm;
    }
}
