package dev.notary4j.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.tuf.json.CanonicalJson;
import dev.notary4j.tuf.json.GoJson;
import java.util.List;

/** Records from {@code signed} trees (Go decoding plus notary's structure rules) and back to bytes. */
public final class MetadataCodec {
    private MetadataCodec() {
    }

    /**
     * Decodes and validates the {@code signed} value of {@code role}'s metadata: a Root for root, a Targets for
     * targets and delegations, a Snapshot, a Timestamp.
     *
     * @throws InvalidRoleException       for a role name notary does not know
     * @throws MalformedMetadataException when the JSON does not decode into notary's structs
     * @throws InvalidMetadataException   when a structure rule is broken
     */
    public static SignedBody decode(JsonNode signed, String role) {
        if (signed == null && RoleName.ROOT.equals(role)) {
            throw new InvalidMetadataException(role, "signed", "a JSON object", "missing",
                    "root file contained an empty payload");
        }
        if (signed == null) {
            throw new MalformedMetadataException(role, "signed", "a JSON object", "missing",
                    "the metadata has no signed payload");
        }
        BodyDecoder decoder = new BodyDecoder(role);
        switch (role) {
            case RoleName.ROOT: {
                Root root = decoder.root(signed);
                StructureRules.checkRoot(root, decoder.type(signed));
                return root;
            }
            case RoleName.SNAPSHOT: {
                Snapshot snapshot = decoder.snapshot(signed);
                StructureRules.checkSnapshot(snapshot, decoder.type(signed));
                return snapshot;
            }
            case RoleName.TIMESTAMP: {
                Timestamp timestamp = decoder.timestamp(signed);
                StructureRules.checkTimestamp(timestamp, decoder.type(signed));
                return timestamp;
            }
            default: {
                if (!RoleName.isTargetsRole(role)) {
                    throw new InvalidRoleException(role, "");
                }
                Targets targets = decoder.targets(signed);
                StructureRules.checkTargets(targets, decoder.type(signed), role);
                return targets;
            }
        }
    }

    /** The Go struct view of {@code body} as a tree (what {@link #canonical} encodes). */
    public static JsonNode structView(SignedBody body) {
        return StructView.of(body);
    }

    /** The canonical bytes notary would sign for {@code body} ({@code ToSigned()}). */
    public static byte[] canonical(SignedBody body) {
        return CanonicalJson.encode(StructView.of(body), CanonicalJson.NumberMode.EXACT_INTEGERS);
    }

    /** The file notary writes for {@code body} with these signatures ({@code json.Marshal} of the envelope). */
    public static byte[] fileBytes(SignedBody body, List<Signature> signatures) {
        return GoJson.envelope(canonical(body), signatures);
    }
}
