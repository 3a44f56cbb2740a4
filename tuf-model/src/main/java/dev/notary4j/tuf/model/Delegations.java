package dev.notary4j.tuf.model;

import dev.notary4j.tuf.crypto.TufKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code delegations} of a Targets file. Either part is null when the file has it null or lacks it (Go then writes
 * {@code null}; notary itself writes {@code "roles":null} after removing the last delegation).
 */
public record Delegations(Map<String, TufKey> keys, List<DelegatedRole> roles) {
    /** What notary writes for a fresh Targets file: {@code {"keys":{},"roles":[]}}. */
    public static final Delegations EMPTY = new Delegations(Map.of(), List.of());

    public Delegations {
        keys = keys == null ? null : Maps.copy(keys, "delegation keys");
        roles = roles == null ? null : List.copyOf(roles);
    }

    public Map<String, TufKey> keyMap() {
        return keys == null ? Map.of() : keys;
    }

    public List<DelegatedRole> roleList() {
        return roles == null ? List.of() : roles;
    }

    /** The first listed role with this name (notary's lookup order). */
    public Optional<DelegatedRole> role(String name) {
        return roleList().stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
