package dev.notary4j.server.signing;

import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.storage.CurrentMetadata;
import dev.notary4j.server.storage.StoredFile;
import dev.notary4j.server.trust.PublicKeyInfo;
import dev.notary4j.server.trust.TrustService;
import dev.notary4j.server.trust.TrustServiceException;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.SignedMetadata;
import java.util.Optional;

/**
 * The {@code snapshot.key} / {@code timestamp.key} routes (spec §4.7). GET returns the first key of the current
 * root's role that the trust service holds, or creates one; POST always asks for a new key (a notary-signer hands
 * back its pending key for the GUN and role until that key is used). The root is never modified here.
 */
public final class KeyService {

    private final TrustService trust;
    private final CurrentMetadata current;
    private final Optional<String> keyAlgorithm;

    /** {@code keyAlgorithm} is {@code trust_service.key_algorithm}; empty answers 500 NO_KEYALGORITHM. */
    public KeyService(TrustService trust, CurrentMetadata current, Optional<String> keyAlgorithm) {
        this.trust = trust;
        this.current = current;
        this.keyAlgorithm = keyAlgorithm;
    }

    public PublicKeyInfo getOrCreate(String gun, String role) throws NotaryException {
        String algorithm = algorithm();
        try {
            Optional<StoredFile> root = current.role(gun, "root");
            if (root.isPresent()) {
                Role keys = SignedMetadata.parseRoot(root.get().data()).signed().roles().get(role);
                if (keys == null) {
                    throw new IllegalStateException("the current root has no " + role + " role");
                }
                for (String keyId : keys.keyIdList()) {
                    Optional<PublicKeyInfo> held = trust.publicKey(keyId);
                    if (held.isPresent()) {
                        return held.get();
                    }
                }
            }
            return trust.createKey(gun, role, algorithm);
        } catch (TrustServiceException | RuntimeException e) {
            throw NotaryException.withEmptyDetail(ErrorCode.UNKNOWN, "cannot get the " + role + " key of " + gun
                    + ": " + e.getMessage());
        }
    }

    public PublicKeyInfo rotate(String gun, String role) throws NotaryException {
        String algorithm = algorithm();
        try {
            return trust.createKey(gun, role, algorithm);
        } catch (TrustServiceException e) {
            throw NotaryException.withEmptyDetail(ErrorCode.UNKNOWN, "cannot rotate the " + role + " key of " + gun
                    + ": " + e.getMessage());
        }
    }

    private String algorithm() throws NotaryException {
        return keyAlgorithm.orElseThrow(() -> NotaryException.of(ErrorCode.NO_KEYALGORITHM));
    }
}
