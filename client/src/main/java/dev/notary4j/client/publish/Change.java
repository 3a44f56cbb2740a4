package dev.notary4j.client.publish;

import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.FileMeta;
import java.util.List;

/** One staged edit of a targets role, applied in staging order by {@link Publisher#publish}. */
public sealed interface Change {
    /** The targets role this change edits (for a delegation: the delegated role; its parent is edited). */
    String role();

    /** {@code notary add}/{@code addhash}: create or replace target {@code name} in {@code role}. */
    record AddTarget(String role, String name, FileMeta meta) implements Change {
    }

    /** {@code notary delegation add}: give {@code role} these keys and paths (threshold 1 when created). */
    record AddDelegation(String role, List<TufKey> keys, List<String> paths) implements Change {
        public AddDelegation {
            keys = List.copyOf(keys);
            paths = List.copyOf(paths);
        }
    }
}
