package dev.notary4j.server.update;

import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.signing.GeneratedFile;
import dev.notary4j.server.signing.GenerationException;
import dev.notary4j.server.signing.MissingServerKeyException;
import dev.notary4j.server.signing.ServerMetadataGenerator;
import dev.notary4j.server.signing.SignerUnavailableException;
import dev.notary4j.server.storage.CorruptMetadataException;
import dev.notary4j.server.storage.CurrentMetadata;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.MetaUpdate;
import dev.notary4j.server.storage.OldVersionException;
import dev.notary4j.server.storage.StorageException;
import dev.notary4j.server.storage.StoredFile;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.notary4j.tuf.model.RoleName;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * POST update (spec §4.5, §5.3): load the stored context, validate (B1-B5), generate the snapshot if none was
 * uploaded (B6) and the timestamp (B7), store everything in one transaction (B8). Blocking; run on a worker.
 */
public final class UpdateService {

    static final String NO_SNAPSHOT_KEY = "no snapshot was included in update and server does not hold current "
            + "snapshot key for repository";
    static final String NO_TIMESTAMP_KEY = "no timestamp keys exist on the server";

    private final MetaStore store;
    private final CurrentMetadata current;
    private final UpdateValidator validator;
    private final ServerMetadataGenerator generator;
    private final Clock clock;

    public UpdateService(MetaStore store, UpdateValidator validator, ServerMetadataGenerator generator, Clock clock) {
        this.store = store;
        this.current = new CurrentMetadata(store);
        this.validator = validator;
        this.generator = generator;
        this.clock = clock;
    }

    public void apply(String gun, List<UploadedFile> uploaded) throws NotaryException {
        Instant now = clock.instant();
        try {
            StoredContext stored = load(gun, uploaded, now);
            AcceptedUpdate accepted = validator.validate(stored, uploaded);
            RoleFile snapshot = accepted.snapshot().isPresent() ? accepted.snapshot().get()
                    : generatedSnapshot(stored, accepted, now);
            GeneratedFile timestamp = generatedTimestamp(stored, accepted, snapshot.data(), now);
            store.update(gun, files(accepted, snapshot, timestamp));
        } catch (ValidationFailure failure) {
            throw new NotaryException(ErrorCode.INVALID_UPDATE, failure.detail().orElse(null), failure.getMessage());
        } catch (OldVersionException e) {
            throw NotaryException.withEmptyDetail(ErrorCode.VERSION, e.getMessage());
        } catch (StorageException e) {
            throw new NotaryException(ErrorCode.UPDATING, null, e.getMessage());
        } catch (SignerUnavailableException e) {
            // Go answers 400 ErrValidation here; a signer outage is the server's failure, so 500 (clients retry).
            throw new NotaryException(ErrorCode.UPDATING, TextNode.valueOf("the signing service is unavailable"),
                    e.getMessage());
        }
    }

    /** The GUN's current files, plus the stored ancestors of every uploaded delegation (B4.1). */
    StoredContext load(String gun, List<UploadedFile> uploaded, Instant now) throws ValidationFailure {
        try {
            Optional<StoredFile> timestamp = store.latest(gun, "timestamp");
            Optional<StoredFile> snapshot = timestamp.flatMap(current::snapshotOf);
            Map<String, StoredFile> delegations = new HashMap<>();
            Set<String> unlisted = new HashSet<>();
            for (UploadedFile file : uploaded) {
                if (snapshot.isPresent() && RoleName.isDelegation(file.role())) {
                    for (String ancestor : RoleName.ancestors(file.role())) {
                        if (!RoleName.isDelegation(ancestor) || delegations.containsKey(ancestor)) {
                            continue;
                        }
                        if (current.lists(snapshot.get(), ancestor)) {
                            current.listedIn(snapshot.get(), ancestor).ifPresent(f -> delegations.put(ancestor, f));
                        } else {
                            unlisted.add(ancestor);
                        }
                    }
                }
            }
            return new StoredContext(gun, snapshot.flatMap(s -> current.listedIn(s, "root")),
                    snapshot.flatMap(s -> current.listedIn(s, "targets")), delegations, unlisted, snapshot, timestamp,
                    now);
        } catch (CorruptMetadataException e) {
            throw ValidationFailure.withoutDetail(e.getMessage());
        }
    }

    private RoleFile generatedSnapshot(StoredContext stored, AcceptedUpdate accepted, Instant now)
            throws ValidationFailure, SignerUnavailableException {
        try {
            GeneratedFile snapshot = generator.snapshot(accepted.signingRoot(),
                    stored.snapshot().map(StoredFile::data), accepted.snapshotEntries(), now);
            return new RoleFile(snapshot.role(), snapshot.version(), snapshot.data());
        } catch (MissingServerKeyException e) {
            throw ValidationFailure.badHierarchy("snapshot", NO_SNAPSHOT_KEY);
        } catch (GenerationException e) {
            throw ValidationFailure.validation(e.getMessage());
        }
    }

    private GeneratedFile generatedTimestamp(StoredContext stored, AcceptedUpdate accepted, byte[] snapshot,
                                             Instant now) throws ValidationFailure, SignerUnavailableException {
        try {
            return generator.timestamp(accepted.signingRoot(), stored.timestamp().map(StoredFile::data), snapshot, now);
        } catch (MissingServerKeyException e) {
            throw ValidationFailure.badRoot(NO_TIMESTAMP_KEY);
        } catch (GenerationException e) {
            throw e.previousUnreadable() ? ValidationFailure.withoutDetail(e.getMessage())
                    : ValidationFailure.validation(e.getMessage());
        }
    }

    /** Storage order as Go's: root, targets and delegations, snapshot, timestamp. */
    private static List<MetaUpdate> files(AcceptedUpdate accepted, RoleFile snapshot, GeneratedFile timestamp) {
        List<MetaUpdate> files = new ArrayList<>();
        accepted.root().ifPresent(r -> files.add(new MetaUpdate(r.role(), r.version(), r.data())));
        accepted.targets().forEach(t -> files.add(new MetaUpdate(t.role(), t.version(), t.data())));
        files.add(new MetaUpdate(snapshot.role(), snapshot.version(), snapshot.data()));
        files.add(new MetaUpdate(timestamp.role(), timestamp.version(), timestamp.data()));
        return files;
    }
}
