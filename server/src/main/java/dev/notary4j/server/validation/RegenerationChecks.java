package dev.notary4j.server.validation;

import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import java.time.Instant;
import java.util.Optional;

/**
 * What notary-server loads before it re-signs server metadata on GET (spec §6.2, Go's {@code GetOrCreateSnapshot} and
 * {@code createTimestamp}): the current root with expiry enforced, and the snapshot a new timestamp will list.
 */
public final class RegenerationChecks {
    private RegenerationChecks() {
    }

    /** Step 3: the current root loads (R1-R9 without a previous root), expiry enforced. */
    public static void checkRoot(String gun, byte[] root, Instant now) throws RuleViolation {
        RootRules.load(root, Optional.empty(), 1, false, gun, now);
    }

    /**
     * Step 5: the current root loads, then the snapshot (S1-S7): signed by the root's snapshot keys, not expired, and
     * its {@code meta.root} matches the root's bytes.
     */
    public static void checkSnapshot(String gun, byte[] root, byte[] snapshot, Instant now) throws RuleViolation {
        SignedMetadata<Root> loadedRoot = RootRules.load(root, Optional.empty(), 1, false, gun, now);
        SnapshotRules.load(LoadedRoles.of(loadedRoot), snapshot, now);
    }
}
