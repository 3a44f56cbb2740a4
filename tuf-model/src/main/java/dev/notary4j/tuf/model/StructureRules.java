package dev.notary4j.tuf.model;

import dev.notary4j.tuf.crypto.TufKey;
import java.util.List;
import java.util.Map;

/**
 * notary's structure checks after decoding ({@code isValidRootStructure}, {@code isValidTargetsStructure},
 * {@code IsValidSnapshotStructure}, {@code IsValidTimestampStructure}), in Go's order and with Go's messages.
 */
final class StructureRules {
    private StructureRules() {
    }

    static void checkRoot(Root root, String type) {
        String role = RoleName.ROOT;
        checkTypeAndVersion(role, Root.TYPE, type, root.version(), "version cannot be less than 1");
        for (String base : RoleName.BASE_ROLES) {
            Role entry = root.roles().get(base);
            if (entry == null) {
                throw new InvalidMetadataException(role, "signed.roles." + base, "role specification", "missing",
                        "missing " + base + " role specification");
            }
            checkRoleEntry(role, base, "signed.roles." + base, entry.threshold(), entry.keyIdList(), root.keys());
        }
    }

    static void checkTargets(Targets targets, String type, String role) {
        if (!RoleName.isTargetsRole(role)) {
            throw new InvalidRoleException(role, "");
        }
        checkTypeAndVersion(role, Targets.TYPE, type, targets.version(), "version cannot be less than one");
        List<DelegatedRole> roles = targets.delegations().roleList();
        for (int i = 0; i < roles.size(); i++) {
            DelegatedRole delegated = roles.get(i);
            String path = "signed.delegations.roles[" + i + "]";
            if (!RoleName.isDirectChild(delegated.name(), role)) {
                throw new InvalidMetadataException(role, path + ".name", "a valid direct child of " + role,
                        delegated.name(), "delegation role " + delegated.name() + " invalid");
            }
            checkRoleEntry(role, delegated.name(), path, delegated.threshold(), delegated.keyIdList(),
                    targets.delegations().keyMap());
        }
    }

    static void checkSnapshot(Snapshot snapshot, String type) {
        String role = RoleName.SNAPSHOT;
        checkTypeAndVersion(role, Snapshot.TYPE, type, snapshot.version(), "version cannot be less than one");
        for (String file : List.of(RoleName.ROOT, RoleName.TARGETS)) {
            FileMeta meta = snapshot.meta().get(file);
            String path = "signed.meta." + file + ".hashes";
            if (meta == null || meta.hash(FileMeta.SHA256) == null) {
                throw new InvalidMetadataException(role, path + ".sha256", "sha256 checksum", "missing",
                        "missing " + file + " sha256 checksum information");
            }
            checkHashSizes(role, path, meta, "invalid " + file + " checksum information, ");
        }
    }

    static void checkTimestamp(Timestamp timestamp, String type) {
        String role = RoleName.TIMESTAMP;
        checkTypeAndVersion(role, Timestamp.TYPE, type, timestamp.version(), "version cannot be less than one");
        FileMeta meta = timestamp.meta().get(RoleName.SNAPSHOT);
        String path = "signed.meta.snapshot.hashes";
        if (meta == null || meta.hash(FileMeta.SHA256) == null) {
            throw new InvalidMetadataException(role, path + ".sha256", "sha256 checksum", "missing",
                    "missing snapshot sha256 checksum information");
        }
        checkHashSizes(role, path, meta, "invalid snapshot checksum information, ");
    }

    private static void checkTypeAndVersion(String role, String expectedType, String type, int version,
            String versionMessage) {
        if (!expectedType.equals(type)) {
            throw new InvalidMetadataException(role, "signed._type", expectedType, type,
                    "expected type " + expectedType + ", not " + type);
        }
        if (version < 1) {
            throw new InvalidMetadataException(role, "signed.version", ">= 1", Integer.toString(version),
                    versionMessage);
        }
    }

    /** Go's {@code isValidRootRoleStructure}; note the trailing space in its threshold message. */
    private static void checkRoleEntry(String role, String entryName, String path, int threshold,
            List<String> keyIds, Map<String, TufKey> keys) {
        if (threshold < 1) {
            throw new InvalidMetadataException(role, path + ".threshold", ">= 1", Integer.toString(threshold),
                    "invalid threshold specified for " + entryName + ": " + threshold + " ");
        }
        for (String keyId : keyIds) {
            if (!keys.containsKey(keyId)) {
                throw new InvalidMetadataException(role, path + ".keyids", "a key listed in keys", keyId,
                        "key ID " + keyId + " specified in " + entryName + " without corresponding key");
            }
        }
    }

    /** Go's {@code CheckValidHashStructures}: sha256 must be 32 bytes, sha512 64, one of them present. */
    private static void checkHashSizes(String role, String path, FileMeta meta, String prefix) {
        byte[] sha256 = meta.hash(FileMeta.SHA256);
        if (sha256 != null && sha256.length != 32) {
            throw new InvalidMetadataException(role, path + ".sha256", "32 bytes", sha256.length + " bytes",
                    prefix + "sha256 checksum invalid");
        }
        byte[] sha512 = meta.hash(FileMeta.SHA512);
        if (sha512 != null && sha512.length != 64) {
            throw new InvalidMetadataException(role, path + ".sha512", "64 bytes", sha512.length + " bytes",
                    prefix + "sha512 checksum invalid");
        }
    }
}
