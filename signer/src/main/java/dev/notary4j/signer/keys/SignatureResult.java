package dev.notary4j.signer.keys;

/**
 * A signature over a Sign request's content.
 *
 * @param keyAlgorithm the key's type ({@code ecdsa}, {@code ed25519}, {@code rsa})
 * @param method the TUF signature method ({@code ecdsa}, {@code eddsa}, {@code rsapss})
 */
public record SignatureResult(String keyId, String keyAlgorithm, String method, byte[] signature) {
}
