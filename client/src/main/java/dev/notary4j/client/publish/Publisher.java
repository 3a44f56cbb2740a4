package dev.notary4j.client.publish;

import dev.notary4j.client.NotaryClient;
import dev.notary4j.client.TrustedRepository;
import dev.notary4j.client.http.RepositoryWriter;
import dev.notary4j.client.trust.TrustedMetadataSet;
import dev.notary4j.client.update.RepositoryNotFoundException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * notary's write commands: {@link #init} creates the keys and the signed root (staged until the first publish),
 * {@link #stage} records target and delegation changes, {@link #publish} applies them to the server's current
 * trusted state, re-signs the changed roles (and the snapshot when its key is local) and uploads them in one
 * multipart request. Expiries as notary's client: root 10 years, targets roles and snapshot 3 years.
 */
public final class Publisher {
    private static final Duration ROOT_EXPIRY = Duration.ofDays(10 * 365);
    private static final Duration TARGETS_EXPIRY = Duration.ofDays(3 * 365);
    private static final Pattern DELEGATION_NAME = Pattern.compile("^targets(/[-a-z0-9_]+)+$");

    private final NotaryClient client;
    private final Function<String, RepositoryWriter> writers;
    private final Function<String, ChangeList> changeLists;
    private final KeyDirectory keys;
    private final Clock clock;

    public Publisher(NotaryClient client, Function<String, RepositoryWriter> writers,
            Function<String, ChangeList> changeLists, KeyDirectory keys, Clock clock) {
        this.client = client;
        this.writers = writers;
        this.changeLists = changeLists;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * {@code notary init}: a new root key wrapped in a certificate with CN = GUN, new targets (and, unless
     * {@code serverManagedSnapshot}, snapshot) keys, the server's timestamp key; root v1 is signed and staged.
     */
    public void init(String gun, boolean serverManagedSnapshot) {
        RepositoryWriter writer = writers.apply(gun);
        Instant now = clock.instant();
        TufPrivateKey rootKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey rootCertificate = Certificates.generateRootCertificate(rootKey, gun, now, now.plus(ROOT_EXPIRY));
        TufPrivateKey targetsKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey snapshotKey;
        if (serverManagedSnapshot) {
            snapshotKey = writer.serverKey("snapshot");
        } else {
            TufPrivateKey localSnapshot = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
            keys.store(localSnapshot, "snapshot", Optional.of(gun));
            snapshotKey = localSnapshot.publicKey();
        }
        TufKey timestampKey = writer.serverKey("timestamp");
        keys.store(rootKey, "root", Optional.empty());
        keys.store(targetsKey, "targets", Optional.of(gun));

        Map<String, TufKey> rootKeys = new LinkedHashMap<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Map.Entry<String, TufKey> e : Map.of("root", rootCertificate, "targets", targetsKey.publicKey(),
                "snapshot", snapshotKey, "timestamp", timestampKey).entrySet()) {
            rootKeys.put(e.getValue().id(), e.getValue());
            roles.put(e.getKey(), new Role(List.of(e.getValue().id()), 1));
        }
        Root root = new Root(expiry(ROOT_EXPIRY), 1, rootKeys, roles, false);
        byte[] signed = SignedMetadata.sign(root, List.of(MetadataSigner.of(rootKey, rootCertificate.id()))).raw();
        changeLists.apply(gun).stageRoot(signed);
    }

    /** Stages {@code change} for the next publish of {@code gun}. */
    public void stage(String gun, Change change) {
        validate(change);
        changeLists.apply(gun).add(change);
    }

    /** What can be checked before publishing: the role name and the delegation certificates. */
    public static void validate(Change change) {
        if (!change.role().equals("targets") && !DELEGATION_NAME.matcher(change.role()).matches()) {
            throw new PublishException("invalid role name " + change.role());
        }
        if (change instanceof Change.AddDelegation d) {
            for (TufKey key : d.keys()) {
                try {
                    Certificates.checkDelegationKey(key);
                } catch (Exception e) {
                    throw new PublishException("invalid delegation certificate: " + e.getMessage(), e);
                }
            }
        }
    }

    /** What one publish uploaded (role name to file bytes) and the repository as the server now serves it. */
    public record Published(Map<String, byte[]> files, TrustedRepository repository) {
    }

    /**
     * {@code notary publish}: fails with {@link PublishException} when {@code gun} is neither on the server nor
     * initialised here, or a needed key or passphrase is missing; nothing is uploaded then.
     */
    public Published publish(String gun) {
        ChangeList changes = changeLists.apply(gun);
        Optional<TrustedMetadataSet> current = currentState(gun);
        byte[] rootFile;
        if (current.isPresent()) {
            rootFile = current.get().root().raw();
        } else {
            rootFile = changes.stagedRoot().orElseThrow(() -> new PublishException(
                    "repository " + gun + " does not exist on the server and was not initialised here: run init first"));
        }
        Root root = SignedMetadata.parseRoot(rootFile).signed();
        Edit edit = new Edit(root, current);
        for (Change change : changes.changes()) {
            edit.apply(change);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (current.isEmpty()) {
            files.put("root", rootFile);
        }
        for (String role : edit.dirty) {
            files.put(role, edit.sign(role));
        }
        snapshotKey(root).ifPresent(key -> files.put("snapshot", snapshot(current, rootFile, files, edit, key)));
        if (!files.isEmpty()) {
            writers.apply(gun).upload(files);
        }
        changes.clear();
        return new Published(files, client.update(gun));
    }

    /** The server's verified state of {@code gun}, or empty when the server has no such repository yet. */
    private Optional<TrustedMetadataSet> currentState(String gun) {
        try {
            return Optional.of(client.update(gun).metadata());
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        }
    }

    private byte[] snapshot(Optional<TrustedMetadataSet> current, byte[] rootFile, Map<String, byte[]> files, Edit edit,
            MetadataSigner key) {
        Map<String, FileMeta> meta = new LinkedHashMap<>();
        meta.put("root", FileMeta.of(rootFile));
        for (String role : edit.roles.keySet()) {
            byte[] changed = files.get(role);
            Optional<FileMeta> unchanged = current.flatMap(c -> c.expectedMeta(role));
            if (changed != null) {
                meta.put(role, FileMeta.of(changed));
            } else {
                unchanged.ifPresent(m -> meta.put(role, m));
            }
        }
        int version = current.flatMap(TrustedMetadataSet::snapshot).map(s -> s.signed().version()).orElse(0) + 1;
        return SignedMetadata.sign(new Snapshot(expiry(TARGETS_EXPIRY), version, meta), List.of(key)).raw();
    }

    /** The local signer for the snapshot role, or empty when the server holds the snapshot key. */
    private Optional<MetadataSigner> snapshotKey(Root root) {
        return signers(root.roles().get("snapshot").keyIdList(), root.keys()).stream().findFirst();
    }

    /** Signers for the listed keys this directory holds, each under the key ID the role lists. */
    private List<MetadataSigner> signers(List<String> keyIds, Map<String, TufKey> keyMap) {
        List<MetadataSigner> signers = new ArrayList<>();
        for (String id : keyIds) {
            TufKey key = keyMap.get(id);
            if (key != null) {
                keys.find(key.canonicalId()).ifPresent(k -> signers.add(MetadataSigner.of(k, id)));
            }
        }
        return signers;
    }

    private OffsetDateTime expiry(Duration lifetime) {
        return OffsetDateTime.ofInstant(clock.instant().plus(lifetime), ZoneOffset.UTC);
    }

    /** The targets roles being edited: current bodies, changed roles, and how to sign them. */
    private final class Edit {
        final Root root;
        final Map<String, Targets> roles = new LinkedHashMap<>();
        final Map<String, Integer> versions = new LinkedHashMap<>();
        final Map<String, Map<String, FileMeta>> addedTargets = new LinkedHashMap<>();
        final Set<String> dirty = new LinkedHashSet<>();

        Edit(Root root, Optional<TrustedMetadataSet> current) {
            this.root = root;
            if (current.isPresent()) {
                current.get().targetsRoles().forEach((name, role) -> {
                    roles.put(name, role.targets());
                    versions.put(name, role.targets().version());
                });
            } else {
                roles.put("targets", Targets.empty(expiry(TARGETS_EXPIRY), 1));
                versions.put("targets", 0);
                dirty.add("targets");
            }
        }

        void apply(Change change) {
            if (change instanceof Change.AddTarget t) {
                    if (!t.role().equals("targets")) {
                        DelegatedRole delegation = delegation(t.role()).orElseThrow(() -> new PublishException(
                                "role " + t.role() + " does not exist in " + parentOf(t.role())));
                        if (!delegation.allows(t.name())) {
                            throw new PublishException("target " + t.name() + " is outside the paths of " + t.role());
                        }
                    }
                    roles.computeIfAbsent(t.role(), r -> {
                        versions.put(r, 0);
                        return Targets.empty(expiry(TARGETS_EXPIRY), 1);
                    });
                    // Collected and merged once at signing: copying the role per target is quadratic.
                    addedTargets.computeIfAbsent(t.role(), r -> new LinkedHashMap<>()).put(t.name(), t.meta());
                    dirty.add(t.role());
            } else if (change instanceof Change.AddDelegation d) {
                    String parent = parentOf(d.role());
                    Targets parentBody = Optional.ofNullable(roles.get(parent)).orElseThrow(() -> new PublishException(
                            "parent role " + parent + " of " + d.role() + " does not exist"));
                    Map<String, TufKey> delegationKeys = new LinkedHashMap<>(parentBody.delegations().keyMap());
                    List<String> ids = new ArrayList<>();
                    for (TufKey key : d.keys()) {
                        delegationKeys.put(key.id(), key);
                        ids.add(key.id());
                    }
                    List<DelegatedRole> delegated = new ArrayList<>();
                    boolean found = false;
                    for (DelegatedRole existing : parentBody.delegations().roleList()) {
                        if (existing.name().equals(d.role())) {
                            found = true;
                            Set<String> mergedIds = new LinkedHashSet<>(existing.keyIdList());
                            mergedIds.addAll(ids);
                            Set<String> mergedPaths = new LinkedHashSet<>(existing.paths());
                            mergedPaths.addAll(d.paths());
                            delegated.add(new DelegatedRole(existing.name(), List.copyOf(mergedIds),
                                    List.copyOf(mergedPaths), existing.threshold()));
                        } else {
                            delegated.add(existing);
                        }
                    }
                    if (!found) {
                        delegated.add(new DelegatedRole(d.role(), ids, d.paths(), 1));
                    }
                    roles.put(parent, parentBody.withDelegations(new Delegations(delegationKeys, delegated)));
                    dirty.add(parent);
            }
        }

        byte[] sign(String role) {
            List<MetadataSigner> signers = role.equals("targets")
                    ? signers(root.roles().get("targets").keyIdList(), root.keys())
                    : delegation(role).map(d -> signers(d.keyIdList(), roles.get(parentOf(role)).delegations().keyMap()))
                            .orElse(List.of());
            if (signers.isEmpty()) {
                throw new PublishException("no signing key for role " + role + " in the trust directory");
            }
            Targets current = roles.get(role);
            Map<String, FileMeta> targets = new LinkedHashMap<>(current.targets());
            targets.putAll(addedTargets.getOrDefault(role, Map.of()));
            Targets body = new Targets(expiry(TARGETS_EXPIRY), versions.get(role) + 1, targets, current.delegations());
            return SignedMetadata.sign(body, signers).raw();
        }

        private Optional<DelegatedRole> delegation(String role) {
            return Optional.ofNullable(roles.get(parentOf(role))).flatMap(p -> p.delegations().role(role));
        }
    }

    private static String parentOf(String role) {
        int slash = role.lastIndexOf('/');
        return slash < 0 ? "" : role.substring(0, slash);
    }
}
