package dev.notary4j.server.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code trust_service.*}: {@code local} (in-process keys) or {@code remote} (a notary-signer over mutual TLS).
 *
 * @param keyAlgorithm algorithm for new keys; Go has no default for remote, local always makes ed25519 keys
 */
public record TrustServiceSettings(Type type, String hostname, int port, Optional<String> keyAlgorithm,
                                   Optional<Path> caFile, Optional<Path> clientCert, Optional<Path> clientKey) {
    public enum Type { LOCAL, REMOTE }
}
