package dev.notary4j.server.update;

import dev.notary4j.server.storage.StoredFile;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the store holds for a GUN when an update arrives, loaded before validation so that the validator does no I/O.
 * "Current" means what the server serves as current (spec §4.4c: latest timestamp, the snapshot it lists, the files
 * that snapshot lists), never merely the highest version.
 *
 * @param root        the current root
 * @param targets     the current {@code targets}
 * @param delegations current delegation files by role name: every ancestor delegation of an uploaded delegation
 *                    that the current snapshot lists (absent ancestors are simply missing, B4.1)
 * @param unlistedAncestors ancestor delegations of uploaded delegations that the current snapshot does not list:
 *                    Go's SQL store fails that lookup instead of reporting it absent (B4.1 quirk)
 * @param snapshot    the current snapshot (the one the latest timestamp lists)
 * @param timestamp   the latest timestamp
 * @param now         the time to judge expiry against
 */
public record StoredContext(String gun, Optional<StoredFile> root, Optional<StoredFile> targets,
                            Map<String, StoredFile> delegations, Set<String> unlistedAncestors,
                            Optional<StoredFile> snapshot, Optional<StoredFile> timestamp, Instant now) {
    public StoredContext {
        delegations = Map.copyOf(delegations);
        unlistedAncestors = Set.copyOf(unlistedAncestors);
    }

    /** The stored current file of {@code role} (root, targets or a delegation) if it was loaded. */
    public Optional<StoredFile> current(String role) {
        return switch (role) {
            case "root" -> root;
            case "targets" -> targets;
            case "snapshot" -> snapshot;
            case "timestamp" -> timestamp;
            default -> Optional.ofNullable(delegations.get(role));
        };
    }
}
