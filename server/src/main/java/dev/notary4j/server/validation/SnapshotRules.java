package dev.notary4j.server.validation;

import dev.notary4j.tuf.crypto.HashCheckException;
import dev.notary4j.tuf.crypto.HashMismatchException;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.json.TufJsonException;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.verify.Freshness;
import dev.notary4j.tuf.verify.SignatureVerificationException;
import dev.notary4j.tuf.verify.ThresholdVerifier;
import dev.notary4j.tuf.verify.VerificationRole;
import java.time.Instant;
import java.util.Map;

/**
 * Loading an uploaded snapshot (spec §5.4 S1-S7, notary's {@code loadSnapshot}): signatures against the root's
 * snapshot role, structure, version, expiry, then checksum consistency with every file loaded in this request.
 */
final class SnapshotRules {
    private static final int MINIMUM_VERSION = 1;

    private SnapshotRules() {
    }

    static SignedMetadata<Snapshot> load(LoadedRoles loaded, byte[] file, Instant now) throws RuleViolation {
        SignedMetadata<Snapshot> snapshot;
        try {
            SignedEnvelope envelope = SignedEnvelope.parse(file, RoleName.SNAPSHOT);
            ThresholdVerifier.verify(envelope, VerificationRole.fromRoot(loaded.root().signed(), RoleName.SNAPSHOT)); // S2
            snapshot = SignedMetadata.of(envelope, RoleName.SNAPSHOT, Snapshot.class); // S3
            Freshness.checkVersionAtLeast(RoleName.SNAPSHOT, snapshot.signed(), MINIMUM_VERSION); // S4
            Freshness.checkNotExpired(RoleName.SNAPSHOT, snapshot.signed(), now); // S5
        } catch (MetadataException | SignatureVerificationException | TufJsonException e) {
            throw new RuleViolation(e.getMessage());
        }
        checkConsistency(snapshot.signed(), loaded.files()); // S7
        return snapshot;
    }

    /** S7: each loaded file must match its {@code meta} entry; a missing entry has no checksums at all. */
    private static void checkConsistency(Snapshot snapshot, Map<String, byte[]> files) throws RuleViolation {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String role = file.getKey();
            FileMeta meta = snapshot.meta().get(role);
            try {
                Hashes.check(meta == null ? Map.of() : meta.hashes(), file.getValue());
            } catch (HashMismatchException e) {
                throw new RuleViolation(e.algorithm() + " checksum for " + role + " did not match: expected "
                        + e.expectedHex());
            } catch (HashCheckException e) {
                throw new RuleViolation("no checksums for supported algorithms were provided for " + role);
            }
        }
    }
}
