package dev.notary4j.client.publish;

import dev.notary4j.client.NotaryClient;
import dev.notary4j.client.TrustedRepository;
import dev.notary4j.client.http.HttpRepositoryWriter;
import dev.notary4j.client.trust.TrustedMetadataSet;
import dev.notary4j.client.trust.TrustedTargetsRole;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Targets;
import java.io.IOException;
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

/**
 * Creates and updates repositories as notary's CLI does with a server-managed snapshot (as {@code docker trust}
 * does): {@link #init} makes root and targets keys and publishes root and targets version 1; {@link #publish}
 * applies the staged changes to the verified current metadata, signs each changed role with its local key and
 * uploads them in one atomic update. The server generates snapshot and timestamp.
 */
public final class Publisher {
    /** notary's default lifetimes: root 10 years, targets and delegations 3 years. */
    private static final Duration ROOT_LIFETIME = Duration.ofDays(3650);
    private static final Duration TARGETS_LIFETIME = Duration.ofDays(3 * 365);

    private final NotaryClient client;
    private final KeyDirectory keys;
    private final Clock clock;

    public Publisher(NotaryClient client, KeyDirectory keys, Clock clock) {
        this.client = client;
        this.keys = keys;
        this.clock = clock;
    }

    /** Creates {@code gun} on the server: new root (ECDSA P-256 certificate, CN = GUN) and targets keys. */
    public void init(String gun) throws IOException {
        HttpRepositoryWriter writer = client.writer(gun);
        TufKey timestampKey = writer.serverKey(RoleName.TIMESTAMP);
        TufKey snapshotKey = writer.serverKey(RoleName.SNAPSHOT);
        Instant now = clock.instant();
        TufPrivateKey rootKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufPrivateKey targetsKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey rootCert = Certificates.generateRootCertificate(rootKey, gun, now, now.plus(ROOT_LIFETIME));

        Map<String, TufKey> rootKeys = new LinkedHashMap<>();
        rootKeys.put(rootCert.id(), rootCert);
        rootKeys.put(targetsKey.id(), targetsKey.publicKey());
        rootKeys.put(snapshotKey.id(), snapshotKey);
        rootKeys.put(timestampKey.id(), timestampKey);
        Root root = new Root(at(now.plus(ROOT_LIFETIME)), 1, rootKeys, Map.of(
                RoleName.ROOT, new Role(List.of(rootCert.id()), 1),
                RoleName.TARGETS, new Role(List.of(targetsKey.id()), 1),
                RoleName.SNAPSHOT, new Role(List.of(snapshotKey.id()), 1),
                RoleName.TIMESTAMP, new Role(List.of(timestampKey.id()), 1)), false);
        Targets targets = Targets.empty(at(now.plus(TARGETS_LIFETIME)), 1);

        keys.store(rootKey, RoleName.ROOT, "");
        keys.store(targetsKey, RoleName.TARGETS, gun);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RoleName.ROOT, SignedMetadata.sign(root, List.of(MetadataSigner.of(rootKey, rootCert.id()))).raw());
        files.put(RoleName.TARGETS, SignedMetadata.sign(targets, List.of(MetadataSigner.of(targetsKey))).raw());
        writer.publish(files);
    }

    /** Applies {@code changes} to the server's current metadata and publishes; the changelist is cleared after. */
    public void publish(String gun, Changelist changes) throws IOException {
        List<Change> staged = changes.list();
        if (staged.isEmpty()) {
            return;
        }
        TrustedMetadataSet current = client.update(gun).metadata();
        Instant now = clock.instant();
        Map<String, Targets> edited = new LinkedHashMap<>();
        for (Change change : staged) {
            apply(change, current, edited, now);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, Targets> role : edited.entrySet()) {
            Targets body = role.getValue().withExpires(at(now.plus(TARGETS_LIFETIME)))
                    .withVersion(versionOf(current, role.getKey()) + 1);
            MetadataSigner signer = keys.signerFor(signingKeys(current, edited, role.getKey()), role.getKey())
                    .orElseThrow(() -> new IOException("no signing key for " + role.getKey() + " in the trust directory"));
            files.put(role.getKey(), SignedMetadata.sign(body, List.of(signer)).raw());
        }
        client.writer(gun).publish(files);
        changes.clear();
    }

    private static void apply(Change change, TrustedMetadataSet current, Map<String, Targets> edited, Instant now)
            throws IOException {
        switch (change.type()) {
            case Change.TARGET -> {
                Targets targets = editable(current, edited, change.role(), now);
                edited.put(change.role(), change.action().equals(Change.DELETE) ? targets.withoutTarget(change.path())
                        : targets.withTarget(change.path(), ChangeData.target(change.data())));
            }
            case Change.DELEGATION -> {
                String parent = RoleName.parent(change.role());
                Targets targets = editable(current, edited, parent, now);
                edited.put(parent, withDelegation(targets, change.role(), ChangeData.delegation(change.data())));
            }
            default -> throw new IOException("unsupported staged change type " + change.type());
        }
    }

    /** Adds keys and paths to {@code role}'s entry in its parent (creating it), as notary's delegation add does. */
    private static Targets withDelegation(Targets parent, String role, ChangeData.Delegation change) {
        Map<String, TufKey> keyMap = new LinkedHashMap<>(parent.delegations().keyMap());
        change.addKeys().forEach(k -> keyMap.put(k.id(), k));
        Optional<DelegatedRole> existing = parent.delegations().role(role);
        LinkedHashSet<String> keyIds = new LinkedHashSet<>(existing.map(DelegatedRole::keyIdList).orElse(List.of()));
        change.addKeys().forEach(k -> keyIds.add(k.id()));
        LinkedHashSet<String> paths = new LinkedHashSet<>(existing.map(DelegatedRole::paths).orElse(List.of()));
        paths.addAll(change.addPaths());
        int threshold = change.threshold() > 0 ? change.threshold() : existing.map(DelegatedRole::threshold).orElse(1);
        List<DelegatedRole> roles = new ArrayList<>(parent.delegations().roleList().stream()
                .filter(r -> !r.name().equals(role)).toList());
        roles.add(new DelegatedRole(role, List.copyOf(keyIds), List.copyOf(paths), threshold));
        return parent.withDelegations(new Delegations(keyMap, roles));
    }

    private static Targets editable(TrustedMetadataSet current, Map<String, Targets> edited, String role, Instant now) {
        return edited.computeIfAbsent(role, r -> Optional.ofNullable(current.targetsRoles().get(r))
                .map(TrustedTargetsRole::targets).orElse(Targets.empty(at(now.plus(TARGETS_LIFETIME)), 1)));
    }

    private static int versionOf(TrustedMetadataSet current, String role) {
        return Optional.ofNullable(current.targetsRoles().get(role)).map(r -> r.targets().version()).orElse(0);
    }

    /** targets: the root's targets keys; a delegation: the keys its parent (as edited) lists for it. */
    private static List<TufKey> signingKeys(TrustedMetadataSet current, Map<String, Targets> edited, String role)
            throws IOException {
        if (role.equals(RoleName.TARGETS)) {
            Root root = current.root().signed();
            return root.roles().get(RoleName.TARGETS).keyIdList().stream().map(root.keys()::get).toList();
        }
        String parent = RoleName.parent(role);
        Targets parentTargets = edited.containsKey(parent) ? edited.get(parent)
                : Optional.ofNullable(current.targetsRoles().get(parent)).map(TrustedTargetsRole::targets).orElse(null);
        Optional<DelegatedRole> delegation = parentTargets == null ? Optional.empty()
                : parentTargets.delegations().role(role);
        if (delegation.isEmpty()) {
            throw new IOException(role + " is not delegated: add the delegation first");
        }
        return delegation.get().keyIdList().stream().map(parentTargets.delegations().keyMap()::get).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
