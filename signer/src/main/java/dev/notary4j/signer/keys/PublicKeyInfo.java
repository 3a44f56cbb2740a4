package dev.notary4j.signer.keys;

/** What the signer tells about a key: never more than its public half and bookkeeping. */
public record PublicKeyInfo(String keyId, String algorithm, byte[] publicBytes, String role) {
}
