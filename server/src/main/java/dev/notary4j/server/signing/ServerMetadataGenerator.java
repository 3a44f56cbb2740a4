package dev.notary4j.server.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.metadata.Digests;
import dev.notary4j.server.metadata.GoTimes;
import dev.notary4j.server.metadata.InterimCanonicalJson;
import dev.notary4j.server.metadata.MetadataFormatException;
import dev.notary4j.server.metadata.RoleKeys;
import dev.notary4j.server.metadata.SignedMetadata;
import dev.notary4j.server.metadata.SignedMetadata.Signature;
import dev.notary4j.server.trust.TrustService;
import dev.notary4j.server.trust.TrustServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds and signs the snapshot and timestamp the server owns (spec §6): the next version of the stored one (or
 * version 1), {@code meta} entries hashed over the exact stored bytes, expiry now + lifetime, signed by every key
 * of the role (per the governing root) that the trust service holds.
 */
public final class ServerMetadataGenerator {

    public static final Duration SNAPSHOT_LIFETIME = Duration.ofDays(3 * 365);
    public static final Duration TIMESTAMP_LIFETIME = Duration.ofDays(14);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TrustService trust;

    public ServerMetadataGenerator(TrustService trust) {
        this.trust = trust;
    }

    /**
     * A new snapshot: {@code base} (the stored current snapshot, if any) with {@code meta} refreshed for every file
     * in {@code roleFiles} (root, targets and delegations loaded by the request).
     */
    public GeneratedFile snapshot(byte[] root, Optional<byte[]> base, Map<String, byte[]> roleFiles, Instant now)
            throws MissingServerKeyException, GenerationException {
        ObjectNode signed;
        int version;
        if (base.isPresent()) {
            SignedMetadata previous = parseBase(base.get(), "Snapshot", false);
            signed = previous.signed();
            version = nextVersion(previous);
            if (!signed.path("meta").isObject()) {
                throw new GenerationException("stored snapshot has no meta");
            }
        } else {
            if (!roleFiles.containsKey("targets")) {
                throw new GenerationException("targets role has not been loaded");
            }
            signed = NODES.objectNode();
            signed.put("_type", "Snapshot");
            signed.set("meta", NODES.objectNode());
            version = 1;
        }
        ObjectNode meta = (ObjectNode) signed.get("meta");
        roleFiles.forEach((role, bytes) -> meta.set(role, fileMeta(bytes)));
        signed.put("version", version);
        signed.put("expires", GoTimes.rfc3339Nano(now.plus(SNAPSHOT_LIFETIME)));
        return new GeneratedFile("snapshot", version, sign(root, "snapshot", signed));
    }

    /** A new timestamp over {@code snapshot}: {@code base} (the latest stored timestamp) + 1, or version 1. */
    public GeneratedFile timestamp(byte[] root, Optional<byte[]> base, byte[] snapshot, Instant now)
            throws MissingServerKeyException, GenerationException {
        ObjectNode signed;
        int version;
        if (base.isPresent()) {
            SignedMetadata previous = parseBase(base.get(), "Timestamp", true);
            signed = previous.signed();
            version = nextVersion(previous);
            if (!signed.path("meta").path("snapshot").path("hashes").path("sha256").isTextual()) {
                throw new GenerationException("stored timestamp lists no snapshot sha256", true);
            }
        } else {
            signed = NODES.objectNode();
            signed.put("_type", "Timestamp");
            signed.set("meta", NODES.objectNode());
            version = 1;
        }
        ((ObjectNode) signed.get("meta")).set("snapshot", fileMeta(snapshot));
        signed.put("version", version);
        signed.put("expires", GoTimes.rfc3339Nano(now.plus(TIMESTAMP_LIFETIME)));
        return new GeneratedFile("timestamp", version, sign(root, "timestamp", signed));
    }

    private static SignedMetadata parseBase(byte[] base, String type, boolean unreadableIsDetailless)
            throws GenerationException {
        try {
            SignedMetadata previous = SignedMetadata.parse(base);
            if (!type.equals(previous.signed().path("_type").asText()) || previous.version() < 1) {
                throw new GenerationException("stored " + type.toLowerCase() + " is not a valid " + type,
                        unreadableIsDetailless);
            }
            return previous;
        } catch (MetadataFormatException e) {
            throw new GenerationException("stored " + type.toLowerCase() + ": " + e.getMessage(), unreadableIsDetailless);
        }
    }

    private static int nextVersion(SignedMetadata previous) throws GenerationException {
        try {
            return Math.addExact(previous.version(), 1);
        } catch (MetadataFormatException | ArithmeticException e) {
            throw new GenerationException("stored version cannot be incremented");
        }
    }

    private static JsonNode fileMeta(byte[] file) {
        ObjectNode hashes = NODES.objectNode();
        hashes.put("sha256", Digests.base64(Digests.sha256(file)));
        hashes.put("sha512", Digests.base64(Digests.sha512(file)));
        ObjectNode meta = NODES.objectNode();
        meta.set("hashes", hashes);
        meta.put("length", file.length);
        return meta;
    }

    private byte[] sign(byte[] root, String role, ObjectNode signed)
            throws MissingServerKeyException, GenerationException {
        RoleKeys roleKeys;
        try {
            roleKeys = SignedMetadata.parse(root).roleKeys(role);
        } catch (MetadataFormatException e) {
            throw new GenerationException("root: " + e.getMessage());
        }
        byte[] canonical = InterimCanonicalJson.encode(signed);
        List<Signature> signatures = new ArrayList<>();
        try {
            for (String keyId : roleKeys.keyIds()) {
                if (trust.publicKey(keyId).isPresent()) {
                    signatures.add(trust.sign(keyId, canonical));
                }
            }
        } catch (TrustServiceException e) {
            throw new GenerationException(e.getMessage());
        }
        if (signatures.isEmpty() || signatures.size() < roleKeys.threshold()) {
            throw new MissingServerKeyException(role, "the trust service holds " + signatures.size() + " of the "
                    + roleKeys.threshold() + " " + role + " keys required");
        }
        return SignedMetadata.envelope(canonical, signatures);
    }
}
