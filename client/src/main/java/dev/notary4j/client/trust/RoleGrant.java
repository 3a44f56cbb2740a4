package dev.notary4j.client.trust;

import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Targets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a targets role is trusted for: the keys and threshold its parent gave it and its effective paths (the
 * delegation's paths cut down to those under one of the parent's paths). The top-level {@code targets} role has
 * the root's keys and the path {@code ""}.
 */
public record RoleGrant(String name, Map<String, TufKey> keys, int threshold, List<String> paths) {
    public RoleGrant {
        keys = Map.copyOf(keys);
        paths = List.copyOf(paths);
    }

    public static RoleGrant topLevel(Map<String, TufKey> keys, int threshold) {
        return new RoleGrant(RoleName.TARGETS, keys, threshold, List.of(""));
    }

    /** notary's {@code CheckPaths}: paths are string prefixes. */
    public boolean allows(String target) {
        // A loop, not a stream: called once per target of every listed role (10,000s per list).
        for (String path : paths) {
            if (target.startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The delegations of {@code signed} (this role's own metadata) that notary's {@code GetValidDelegations} keeps:
     * direct children whose key IDs all exist in {@code delegations.keys}, with their paths restricted to ours.
     * The first entry of a name wins, as in notary's {@code BuildDelegationRole}.
     */
    public List<RoleGrant> children(Targets signed) {
        List<RoleGrant> result = new ArrayList<>();
        for (DelegatedRole entry : signed.delegations().roleList()) {
            if (!RoleName.isDirectChild(entry.name(), name)) {
                continue;
            }
            DelegatedRole first = signed.delegations().role(entry.name()).orElse(entry);
            grantFor(first, signed.delegations().keyMap()).ifPresent(result::add);
        }
        return result;
    }

    private Optional<RoleGrant> grantFor(DelegatedRole entry, Map<String, TufKey> delegationKeys) {
        Map<String, TufKey> keys = new LinkedHashMap<>();
        for (String id : entry.keyIdList()) {
            TufKey key = delegationKeys.get(id);
            if (key == null) {
                return Optional.empty();
            }
            keys.put(id, key);
        }
        List<String> restricted = entry.paths().stream()
                .filter(path -> paths.stream().anyMatch(path::startsWith))
                .toList();
        return Optional.of(new RoleGrant(entry.name(), keys, entry.threshold(), restricted));
    }
}
