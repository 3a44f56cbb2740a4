package dev.notary4j.tuf.model;

import java.util.List;

/**
 * A role entry of root.json ({@code RootRole}): key IDs and threshold. {@code keyIds} is null when the file has
 * {@code "keyids":null} (Go writes a nil slice that way, e.g. after all keys were removed).
 */
public record Role(List<String> keyIds, int threshold) {
    public Role {
        keyIds = keyIds == null ? null : List.copyOf(keyIds);
    }

    /** The key IDs, empty when null. */
    public List<String> keyIdList() {
        return keyIds == null ? List.of() : keyIds;
    }
}
