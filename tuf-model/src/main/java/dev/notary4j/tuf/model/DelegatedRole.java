package dev.notary4j.tuf.model;

import java.util.List;
import java.util.Objects;

/**
 * An entry of {@code delegations.roles}. {@code keyIds} may be null ({@code "keyids":null}); {@code paths} is
 * empty when absent (it is {@code omitempty}). Paths are string prefixes; "" matches everything.
 */
public record DelegatedRole(String name, List<String> keyIds, List<String> paths, int threshold) {
    public DelegatedRole {
        Objects.requireNonNull(name, "name");
        keyIds = keyIds == null ? null : List.copyOf(keyIds);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public List<String> keyIdList() {
        return keyIds == null ? List.of() : keyIds;
    }

    /** Whether {@code target} starts with one of the paths (notary's {@code CheckPaths}). */
    public boolean allows(String target) {
        return paths.stream().anyMatch(target::startsWith);
    }
}
