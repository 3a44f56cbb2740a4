package dev.notary4j.server.update;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validator's verdict on an update that passed rules B1-B5: what to store and what the server needs to generate
 * the snapshot (B6) and timestamp (B7).
 *
 * @param root            the uploaded root, if any
 * @param targets         uploaded targets and delegations, in the order they were validated (shallowest first)
 * @param snapshot        the uploaded snapshot, if any (then the server generates none)
 * @param signingRoot     the root that governs the server's signatures: the uploaded one, else the stored one
 * @param snapshotEntries every root/targets/delegation file loaded while validating (uploaded ones, stored
 *                        ancestors, and the root, uploaded or stored) by role: the entries a generated snapshot
 *                        must (re)list with hashes of exactly these bytes
 */
public record AcceptedUpdate(Optional<RoleFile> root, List<RoleFile> targets, Optional<RoleFile> snapshot,
                             byte[] signingRoot, Map<String, byte[]> snapshotEntries) {
    public AcceptedUpdate {
        targets = List.copyOf(targets);
        snapshotEntries = Map.copyOf(snapshotEntries);
    }
}
