package dev.notary4j.server.validation;

import dev.notary4j.server.storage.StoredFile;
import dev.notary4j.server.update.AcceptedUpdate;
import dev.notary4j.server.update.RoleFile;
import dev.notary4j.server.update.StoredContext;
import dev.notary4j.server.update.UpdateValidator;
import dev.notary4j.server.update.UploadedFile;
import dev.notary4j.server.update.ValidationFailure;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * notary-server's upload validation (spec §5.3 B1-B5, server/handlers/validation.go): load the stored root, the
 * uploaded root, uploaded targets and delegations (shallowest first, with their stored ancestors), and the uploaded
 * snapshot, each by the per-role rules, reporting each step's failures as the kind notary reports them.
 */
public final class NotaryUpdateValidator implements UpdateValidator {

    /** notary's {@code RoleList} order: fewer path segments first, then lexical. */
    private static final Comparator<String> SHALLOWEST_FIRST =
            Comparator.comparingInt((String role) -> role.split("/").length).thenComparing(Comparator.naturalOrder());

    private final StoredRoots storedRoots = new StoredRoots();

    @Override
    public AcceptedUpdate validate(StoredContext stored, List<UploadedFile> uploaded) throws ValidationFailure {
        Map<String, UploadedFile> byRole = new LinkedHashMap<>();
        uploaded.forEach(file -> byRole.put(file.role(), file)); // a later part replaces an earlier one

        Optional<SignedMetadata<Root>> storedRoot = storedRoot(stored);
        Optional<RoleFile> rootUpdate = Optional.empty();
        LoadedRoles loaded;
        UploadedFile rootUpload = byRole.get(RoleName.ROOT);
        if (rootUpload != null) {
            SignedMetadata<Root> root = uploadedRoot(stored, storedRoot, rootUpload);
            rootUpdate = Optional.of(new RoleFile(RoleName.ROOT, root.signed().version(), rootUpload.data()));
            loaded = LoadedRoles.of(root);
        } else {
            loaded = storedRoot.map(LoadedRoles::of).orElseThrow(() -> ValidationFailure.validation(
                    "no pre-existing root and no root provided in update.")); // B3
        }

        List<RoleFile> targetsUpdates = new ArrayList<>();
        List<String> targetsRoles = byRole.keySet().stream().filter(RoleName::isTargetsRole)
                .sorted(SHALLOWEST_FIRST).toList();
        for (String role : targetsRoles) {
            loaded = withStoredAncestors(stored, loaded, role);
            try {
                loaded = TargetsRules.load(loaded, role, byRole.get(role).data(), false, stored.now()); // B4.2
            } catch (RuleViolation e) {
                throw ValidationFailure.badTargets(e.getMessage());
            }
            Targets targets = loaded.targetsFile(role).orElseThrow().signed();
            targetsUpdates.add(new RoleFile(role, targets.version(), byRole.get(role).data()));
        }

        Optional<RoleFile> snapshotUpdate = Optional.empty();
        UploadedFile snapshotUpload = byRole.get(RoleName.SNAPSHOT);
        if (snapshotUpload != null) {
            try {
                Snapshot snapshot = SnapshotRules.load(loaded, snapshotUpload.data(), stored.now()).signed(); // B5
                snapshotUpdate = Optional.of(new RoleFile(RoleName.SNAPSHOT, snapshot.version(), snapshotUpload.data()));
            } catch (RuleViolation e) {
                throw ValidationFailure.badSnapshot(e.getMessage());
            }
        }
        return new AcceptedUpdate(rootUpdate, targetsUpdates, snapshotUpdate, loaded.root().raw(), loaded.files());
    }

    /** B1: the stored root, expiry ignored but its certificates checked; any failure has no detail. */
    private Optional<SignedMetadata<Root>> storedRoot(StoredContext stored) throws ValidationFailure {
        if (stored.root().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(storedRoots.load(stored.gun(), stored.root().get(), stored.now()));
        } catch (RuleViolation e) {
            throw ValidationFailure.withoutDetail("stored root of " + stored.gun() + ": " + e.getMessage());
        }
    }

    /** B2: version cur or cur+1, then R1-R9 against the stored root. */
    private static SignedMetadata<Root> uploadedRoot(StoredContext stored, Optional<SignedMetadata<Root>> storedRoot,
            UploadedFile upload) throws ValidationFailure {
        int current = storedRoot.map(root -> root.signed().version()).orElse(1);
        if (upload.version() != current && upload.version() != current + 1L) {
            throw ValidationFailure.badRoot("Root modifications must increment the version. Current " + current
                    + ", new " + upload.version());
        }
        try {
            return RootRules.load(upload.data(), storedRoot.map(SignedMetadata::signed), current, false, stored.gun(),
                    stored.now());
        } catch (RuleViolation e) {
            throw ValidationFailure.badRoot(e.getMessage());
        }
    }

    /**
     * B4.1: the ancestors of {@code role} not loaded yet, shallowest first, from the store with expiry ignored. An
     * absent one is skipped (loading {@code role} then fails); one the current snapshot does not list fails as Go's
     * SQL store lookup does; a stored file that does not load fails; all without detail.
     */
    private static LoadedRoles withStoredAncestors(StoredContext stored, LoadedRoles loaded, String role)
            throws ValidationFailure {
        if (!RoleName.isDelegation(role)) {
            return loaded;
        }
        LoadedRoles result = loaded;
        for (String ancestor : RoleName.ancestors(role)) {
            if (result.isLoaded(ancestor)) {
                continue;
            }
            if (stored.unlistedAncestors().contains(ancestor)) {
                throw ValidationFailure.withoutDetail("no checksums for supported algorithms were provided for "
                        + ancestor);
            }
            Optional<StoredFile> file = stored.current(ancestor);
            if (file.isPresent()) {
                try {
                    result = TargetsRules.load(result, ancestor, file.get().data(), true, stored.now());
                } catch (RuleViolation e) {
                    throw ValidationFailure.withoutDetail("stored " + ancestor + ": " + e.getMessage());
                }
            }
        }
        return result;
    }
}
