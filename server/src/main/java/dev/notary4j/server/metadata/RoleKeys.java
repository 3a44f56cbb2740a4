package dev.notary4j.server.metadata;

import java.util.List;

/** The key IDs and threshold a root assigns to one top-level role. */
public record RoleKeys(String role, List<String> keyIds, int threshold) {
    public RoleKeys {
        keyIds = List.copyOf(keyIds);
    }
}
