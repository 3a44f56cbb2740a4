package dev.notary4j.server.update;

import dev.notary4j.server.storage.StoredFile;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.SignedMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INTERIM, NOT THE PRODUCT: a structural stand-in for the real validator (written on tuf-model by another helper)
 * so that the server's plumbing can be exercised end to end. The server logs a warning when it runs with it.
 *
 * <p>Implemented: last-file-per-role wins, uploaded timestamp ignored, B1 (stored root parses), B2.1 (root version
 * cur or cur+1, exact ErrBadRoot message), B3 (exact ErrValidation message), tuf-model's structural parse per role
 * (R2, T4, S3 as far as its parser checks them; messages not yet matched to Go's), delegations need their parent
 * (uploaded or stored), and the {@link AcceptedUpdate#snapshotEntries()} bookkeeping.
 *
 * <p>MISSING (so it accepts what notary rejects): every signature and threshold check (SIG, R5, R7, T6, S2), root
 * certificate rules R3/R4/R6, expiry (R9, T7, S5), delegation reachability and key rules (T2), checksum
 * consistency S7 and the CK deferral, T8, the exact Go messages of all of those.
 */
public final class InterimUpdateValidator implements UpdateValidator {

    @Override
    public AcceptedUpdate validate(StoredContext stored, List<UploadedFile> uploaded) throws ValidationFailure {
        Map<String, UploadedFile> byRole = new LinkedHashMap<>();
        for (UploadedFile file : uploaded) {
            byRole.put(file.role(), file);
        }
        byRole.remove("timestamp");

        int currentRootVersion = 1;
        if (stored.root().isPresent()) {
            currentRootVersion = version(stored.root().get().data(), "root", ValidationFailure::withoutDetail);
        }
        Optional<RoleFile> root = Optional.empty();
        UploadedFile uploadedRoot = byRole.remove("root");
        if (uploadedRoot != null) {
            int version = version(uploadedRoot.data(), "root", ValidationFailure::badRoot);
            if (version != currentRootVersion && version != currentRootVersion + 1) {
                throw ValidationFailure.badRoot("Root modifications must increment the version. Current "
                        + currentRootVersion + ", new " + version);
            }
            root = Optional.of(new RoleFile("root", version, uploadedRoot.data()));
        }
        byte[] signingRoot = root.map(RoleFile::data).or(() -> stored.root().map(StoredFile::data))
                .orElseThrow(() -> ValidationFailure.validation("no pre-existing root and no root provided in update."));

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("root", signingRoot);
        List<UploadedFile> targetsFiles = new ArrayList<>(byRole.values().stream()
                .filter(f -> f.role().equals("targets") || f.role().startsWith("targets/")).toList());
        targetsFiles.sort(Comparator.comparingInt((UploadedFile f) -> f.role().split("/").length)
                .thenComparing(UploadedFile::role));
        List<RoleFile> targets = new ArrayList<>();
        for (UploadedFile file : targetsFiles) {
            String parent = file.role().equals("targets") ? null : file.role().substring(0, file.role().lastIndexOf('/'));
            if (parent != null && !entries.containsKey(parent)) {
                Optional<StoredFile> storedParent = stored.current(parent);
                if (storedParent.isEmpty()) {
                    throw ValidationFailure.badTargets("tuf: invalid role " + file.role() + ". delegation does not exist");
                }
                entries.put(parent, storedParent.get().data());
            }
            int version = version(file.data(), file.role(), ValidationFailure::badTargets);
            targets.add(new RoleFile(file.role(), version, file.data()));
            entries.put(file.role(), file.data());
        }

        Optional<RoleFile> snapshot = Optional.empty();
        UploadedFile uploadedSnapshot = byRole.get("snapshot");
        if (uploadedSnapshot != null) {
            int version = version(uploadedSnapshot.data(), "snapshot", ValidationFailure::badSnapshot);
            snapshot = Optional.of(new RoleFile("snapshot", version, uploadedSnapshot.data()));
        }
        return new AcceptedUpdate(root, targets, snapshot, signingRoot, entries);
    }

    private interface Failure {
        ValidationFailure of(String msg);
    }

    /** tuf-model's parse applies notary's structure rules ({@code _type}, roles, version >= 1 ...). */
    private static int version(byte[] file, String role, Failure failure) throws ValidationFailure {
        try {
            return SignedMetadata.parse(file, role).signed().version();
        } catch (MetadataException e) {
            throw failure.of(e.getMessage());
        }
    }
}
