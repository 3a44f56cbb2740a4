package dev.notary4j.signer.store;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One {@code private_keys} row. {@code encryptedPrivate} is the JWE text; {@code lastUsed} empty = pending.
 */
public record StoredKey(long id, String keyId, String algorithm, byte[] publicBytes, String encryptedPrivate,
                        String passphraseAlias, String gun, String role, Optional<LocalDateTime> lastUsed,
                        boolean deleted) {

    public boolean pending() {
        return lastUsed.isEmpty();
    }
}
