package dev.notary4j.wrapper.config;

import java.util.Map;
import java.util.Optional;

/**
 * Which notary server the images of admission and Gatekeeper requests are checked against: the server of the
 * longest GUN prefix listed in {@code byPrefix}, else {@code defaultServer}.
 */
public record AdmissionRouting(Optional<String> defaultServer, Map<String, String> byPrefix) {
    public AdmissionRouting {
        byPrefix = Map.copyOf(byPrefix);
    }

    public Optional<String> serverFor(String gun) {
        return byPrefix.entrySet().stream().filter(e -> gun.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue)
                .or(() -> defaultServer);
    }
}
