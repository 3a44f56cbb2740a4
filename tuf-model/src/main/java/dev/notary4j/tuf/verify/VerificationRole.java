package dev.notary4j.tuf.verify;

import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.InvalidRoleException;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.Targets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a signature check needs about a role (notary's {@code BaseRole}): its name, its keys by the IDs they are
 * listed under, and its threshold.
 */
public record VerificationRole(String name, Map<String, TufKey> keys, int threshold) {
    public VerificationRole {
        Objects.requireNonNull(name, "name");
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** A base role of root.json, as Go's {@code SignedRoot.BuildBaseRole}. */
    public static VerificationRole fromRoot(Root root, String roleName) {
        Role role = root.roles().get(roleName);
        if (role == null) {
            throw new InvalidRoleException(roleName, "role not found in root file");
        }
        return new VerificationRole(roleName,
                keysOf(role.keyIdList(), root.keys(), id -> "key with ID " + id + " was not found in root metadata",
                        roleName), role.threshold());
    }

    /**
     * A delegation listed in its parent's Targets, as Go's {@code SignedTargets.BuildDelegationRole}.
     *
     * @throws NoSuchRoleException if the parent does not list {@code roleName}
     */
    public static VerificationRole fromDelegation(Targets parent, String roleName) {
        DelegatedRole role = parent.delegations().role(roleName)
                .orElseThrow(() -> new NoSuchRoleException(roleName));
        return new VerificationRole(roleName, keysOf(role.keyIdList(), parent.delegations().keyMap(),
                id -> "role lists unknown key " + id + " as a signing key", roleName), role.threshold());
    }

    private static Map<String, TufKey> keysOf(List<String> keyIds, Map<String, TufKey> available,
            java.util.function.Function<String, String> missing, String roleName) {
        Map<String, TufKey> keys = new LinkedHashMap<>();
        for (String id : keyIds) {
            TufKey key = available.get(id);
            if (key == null) {
                throw new InvalidRoleException(roleName, missing.apply(id));
            }
            keys.put(id, key);
        }
        return keys;
    }
}
