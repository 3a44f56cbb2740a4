package dev.notary4j.server.validation;

import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Targets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one update request has loaded so far (notary's {@code repoBuilder} state): the root that governs it, the
 * targets and delegation files by role, and the exact bytes of every loaded root/targets/delegation file in load
 * order, which an uploaded snapshot must vouch for (S7) and a generated one must list (§6.1).
 */
record LoadedRoles(SignedMetadata<Root> root, Map<String, SignedMetadata<Targets>> targets,
                   Map<String, byte[]> files) {
    LoadedRoles {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** A fresh request state governed by {@code root} (loaded from the store or uploaded). */
    static LoadedRoles of(SignedMetadata<Root> root) {
        return new LoadedRoles(root, Map.of(), Map.of(RoleName.ROOT, root.raw()));
    }

    boolean isLoaded(String role) {
        return RoleName.ROOT.equals(role) || targets.containsKey(role);
    }

    Optional<SignedMetadata<Targets>> targetsFile(String role) {
        return Optional.ofNullable(targets.get(role));
    }

    LoadedRoles withTargets(String role, SignedMetadata<Targets> file) {
        Map<String, SignedMetadata<Targets>> newTargets = new LinkedHashMap<>(targets);
        newTargets.put(role, file);
        Map<String, byte[]> newFiles = new LinkedHashMap<>(files);
        newFiles.put(role, file.raw());
        return new LoadedRoles(root, newTargets, newFiles);
    }
}
