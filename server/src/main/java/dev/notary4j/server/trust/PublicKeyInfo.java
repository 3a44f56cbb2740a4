package dev.notary4j.server.trust;

import dev.notary4j.tuf.crypto.KeyIds;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A public key as notary describes it: {@code keytype} (ecdsa, ed25519, rsa, ...) and the public bytes (DER SPKI
 * for ecdsa/rsa, the raw 32 bytes for ed25519).
 */
public record PublicKeyInfo(String keyType, byte[] publicKey) {

    /** Lowercase hex SHA-256 of {@code {"keytype":T,"keyval":{"private":null,"public":B64}}} (canonical form). */
    public String keyId() {
        return KeyIds.tufKeyId(keyType, publicKey);
    }

    /** The body of the key routes: Go's standard encoder order, {@code public} before {@code private}. */
    public byte[] toResponseJson() {
        return ("{\"keytype\":\"" + keyType + "\",\"keyval\":{\"public\":\""
                + Base64.getEncoder().encodeToString(publicKey) + "\",\"private\":null}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
