package dev.notary4j.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.json.CanonicalJson;
import dev.notary4j.tuf.json.GoJson;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataCodec;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * One GUN's repository, made and signed with tuf-model: root (an x509 root certificate with CN = GUN), targets
 * delegating to {@code targets/releases}, that delegation, and a client-signed snapshot unless the server holds the
 * snapshot key. Files are built as {@code signed} trees so that a case can break exactly one thing and still sign
 * the result. {@link #seedUpload()} is the valid version-1 state every "stored" case starts from.
 */
final class GunRepository {

    static final String RELEASES = "targets/releases";
    static final String PAST = "2020-01-01T00:00:00Z";
    private static final OffsetDateTime FAR = OffsetDateTime.now(ZoneOffset.UTC).plusYears(3).truncatedTo(ChronoUnit.SECONDS);

    /** Client keys shared by every GUN of a test class; only root certificates are per GUN. */
    record Keys(TufPrivateKey root, TufPrivateKey newRoot, TufPrivateKey targets, TufPrivateKey snapshot,
                TufPrivateKey releases, TufPrivateKey stranger, TufPrivateKey rsa, TufPrivateKey ed25519) {
        static Keys generate() {
            return new Keys(ecdsa(), ecdsa(), ecdsa(), ecdsa(), ecdsa(), ecdsa(),
                    TufPrivateKey.generate(KeyAlgorithm.RSA), TufPrivateKey.generate(KeyAlgorithm.ED25519));
        }

        private static TufPrivateKey ecdsa() {
            return TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        }
    }

    final String gun;
    final Keys keys;
    final TufKey rootCert;
    final TufKey timestampKey;
    final TufKey snapshotKey;
    private final Map<String, byte[]> seeded = new LinkedHashMap<>();

    /**
     * @param timestampKey the key the servers' signer holds for this GUN's timestamp
     * @param serverSnapshotKey the signer's snapshot key for this GUN, or null when the client signs snapshots
     */
    GunRepository(String gun, Keys keys, TufKey timestampKey, TufKey serverSnapshotKey) {
        this(gun, keys, certificate(keys.root(), gun), timestampKey, serverSnapshotKey);
    }

    /** As above with this root certificate (of {@code keys.root()}) instead of a ten-year one for the GUN. */
    GunRepository(String gun, Keys keys, TufKey rootCert, TufKey timestampKey, TufKey serverSnapshotKey) {
        this.gun = gun;
        this.keys = keys;
        this.rootCert = rootCert;
        this.timestampKey = timestampKey;
        this.snapshotKey = serverSnapshotKey != null ? serverSnapshotKey : keys.snapshot().publicKey();
        seeded.put("root", signedRoot(root(1)));
        seeded.put("targets", signedTargets(targets(1)));
        seeded.put(RELEASES, signedReleases(releases(1)));
        if (serverSnapshotKey == null) {
            seeded.put("snapshot", signedSnapshot(snapshot(1, Map.of())));
        }
    }

    /** A root certificate for {@code commonName}, valid from an hour ago for ten years. */
    static TufKey certificate(TufPrivateKey key, String commonName) {
        return certificate(key, commonName, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(3650)));
    }

    static TufKey certificate(TufPrivateKey key, String commonName, Instant notBefore, Instant notAfter) {
        return Certificates.generateRootCertificate(key, commonName, notBefore, notAfter);
    }

    /**
     * A fresh ECDSA key and a root certificate for {@code commonName} that notary's client would never make:
     * signed with {@code signatureAlgorithm} (e.g. SHA1withECDSA).
     */
    static Map.Entry<TufPrivateKey, TufKey> certificateSignedWith(String signatureAlgorithm, String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), name,
                    pair.getPublic()).build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return Map.entry(TufPrivateKey.fromPkcs8(pair.getPrivate().getEncoded()),
                    Certificates.toTufKey(certificate, List.of()));
        } catch (GeneralSecurityException | OperatorCreationException | CertificateRuleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One PEM bundle holding both certificates' leaves, {@code first} first (notary wants exactly one leaf). */
    static TufKey bundle(TufKey first, TufKey second) {
        try {
            return Certificates.toTufKey(Certificates.parseBundle(first).get(0), Certificates.parseBundle(second));
        } catch (CertificateRuleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid first publication: root, targets, the delegation, and the client's snapshot if it signs one. */
    Upload seedUpload() {
        Upload.Builder upload = Upload.multipart();
        seeded.forEach(upload::file);
        return upload.build();
    }

    /** The seeded (version 1) file of {@code role}. */
    byte[] seeded(String role) {
        return seeded.get(role).clone();
    }

    // ---- signed trees ----

    ObjectNode root(int version) {
        Map<String, TufKey> rootKeys = new LinkedHashMap<>();
        rootKeys.put(rootCert.id(), rootCert);
        rootKeys.put(keys.targets().id(), keys.targets().publicKey());
        rootKeys.put(snapshotKey.id(), snapshotKey);
        rootKeys.put(timestampKey.id(), timestampKey);
        Map<String, Role> roles = Map.of(
                "root", new Role(List.of(rootCert.id()), 1),
                "targets", new Role(List.of(keys.targets().id()), 1),
                "snapshot", new Role(List.of(snapshotKey.id()), 1),
                "timestamp", new Role(List.of(timestampKey.id()), 1));
        return tree(new Root(FAR, version, rootKeys, roles, false));
    }

    ObjectNode targets(int version) {
        Delegations delegations = new Delegations(Map.of(keys.releases().id(), keys.releases().publicKey()),
                List.of(new DelegatedRole(RELEASES, List.of(keys.releases().id()), List.of(""), 1)));
        return tree(new Targets(FAR, version, Map.of("v1", target("one")), delegations));
    }

    ObjectNode releases(int version) {
        return tree(new Targets(FAR, version, Map.of("v2", target("two")), Delegations.EMPTY));
    }

    /** A delegation role {@code name} with no targets and no delegations of its own. */
    ObjectNode emptyDelegation(int version) {
        return tree(Targets.empty(FAR, version));
    }

    /** A snapshot listing the seeded root, targets and delegation, with {@code changed} files in their place. */
    ObjectNode snapshot(int version, Map<String, byte[]> changed) {
        Map<String, FileMeta> meta = new LinkedHashMap<>();
        for (String role : List.of("root", "targets", RELEASES)) {
            meta.put(role, FileMeta.of(seeded.get(role)));
        }
        changed.forEach((role, data) -> meta.put(role, FileMeta.of(data)));
        return tree(new Snapshot(FAR, version, meta));
    }

    /** {@code root} with its root role listing exactly {@code certificates} (which replace the GUN's). */
    static ObjectNode withRootKeys(ObjectNode root, TufKey... certificates) {
        ObjectNode keysTree = (ObjectNode) root.get("keys");
        ArrayNode ids = (ArrayNode) root.at("/roles/root/keyids");
        ids.forEach(id -> keysTree.remove(id.asText()));
        ids.removeAll();
        for (TufKey certificate : certificates) {
            keysTree.set(certificate.id(), keyTree(certificate));
            ids.add(certificate.id());
        }
        return root;
    }

    /** {@code key} as metadata lists it: {@code {"keytype":…,"keyval":{"private":null,"public":…}}}. */
    static ObjectNode keyTree(TufKey key) {
        return (ObjectNode) MetadataCodec.structView(new Root(FAR, 1, Map.of(key.id(), key), Map.of(), false))
                .get("keys").get(key.id()).deepCopy();
    }

    /** A delegation entry for a parent's {@code delegations.roles}, signed for by {@code key}. */
    static DelegatedRole delegation(String name, TufPrivateKey key) {
        return new DelegatedRole(name, List.of(key.id()), List.of(""), 1);
    }

    /** Adds {@code role} (and its key) to a targets tree's delegations. */
    static ObjectNode delegating(ObjectNode targets, DelegatedRole role, TufPrivateKey key) {
        ObjectNode delegations = (ObjectNode) targets.get("delegations");
        Delegations added = new Delegations(Map.of(key.id(), key.publicKey()), List.of(role));
        ObjectNode addedTree = (ObjectNode) MetadataCodec.structView(
                new Targets(FAR, 1, Map.of(), added)).get("delegations").deepCopy();
        ((ObjectNode) delegations.get("keys")).setAll((ObjectNode) addedTree.get("keys"));
        ((ArrayNode) delegations.get("roles")).addAll(
                (ArrayNode) addedTree.get("roles"));
        return targets;
    }

    // ---- signing ----

    MetadataSigner rootSigner() {
        return MetadataSigner.of(keys.root(), rootCert.id());
    }

    byte[] signedRoot(JsonNode tree) {
        return sign(tree, rootSigner());
    }

    byte[] signedTargets(JsonNode tree) {
        return sign(tree, MetadataSigner.of(keys.targets()));
    }

    byte[] signedReleases(JsonNode tree) {
        return sign(tree, MetadataSigner.of(keys.releases()));
    }

    byte[] signedSnapshot(JsonNode tree) {
        return sign(tree, MetadataSigner.of(keys.snapshot()));
    }

    /** The file notary would write for {@code tree} signed by {@code signers} (none: an empty signature list). */
    static byte[] sign(JsonNode tree, MetadataSigner... signers) {
        byte[] canonical = CanonicalJson.encode(tree, CanonicalJson.NumberMode.EXACT_INTEGERS);
        List<Signature> signatures = new ArrayList<>();
        for (MetadataSigner signer : signers) {
            signatures.add(signer.sign(canonical.clone()));
        }
        return GoJson.envelope(canonical, signatures);
    }

    private static ObjectNode tree(SignedBody body) {
        return (ObjectNode) MetadataCodec.structView(body).deepCopy();
    }

    private static FileMeta target(String content) {
        return FileMeta.of(content.getBytes(StandardCharsets.UTF_8));
    }
}
