package dev.notary4j.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed and structurally valid metadata file: the envelope (exact raw bytes, {@code signed} tree, canonical
 * bytes for verification, signatures) and the typed record. Signatures are not verified here
 * (see {@code dev.notary4j.tuf.verify}).
 */
public record SignedMetadata<T extends SignedBody>(SignedEnvelope envelope, T signed) {
    public SignedMetadata {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(signed, "signed");
    }

    public static SignedMetadata<Root> parseRoot(byte[] raw) {
        return of(SignedEnvelope.parse(raw, RoleName.ROOT), RoleName.ROOT, Root.class);
    }

    /** targets.json or a delegation's file; {@code role} is the role it is read as. */
    public static SignedMetadata<Targets> parseTargets(byte[] raw, String role) {
        return of(SignedEnvelope.parse(raw, role), role, Targets.class);
    }

    public static SignedMetadata<Snapshot> parseSnapshot(byte[] raw) {
        return of(SignedEnvelope.parse(raw, RoleName.SNAPSHOT), RoleName.SNAPSHOT, Snapshot.class);
    }

    public static SignedMetadata<Timestamp> parseTimestamp(byte[] raw) {
        return of(SignedEnvelope.parse(raw, RoleName.TIMESTAMP), RoleName.TIMESTAMP, Timestamp.class);
    }

    /** Any role's file; the record type follows the role name. */
    public static SignedMetadata<SignedBody> parse(byte[] raw, String role) {
        return of(SignedEnvelope.parse(raw, role), role, SignedBody.class);
    }

    /** The typed view of an envelope that was parsed (and perhaps verified) before, as notary orders it. */
    public static <T extends SignedBody> SignedMetadata<T> of(SignedEnvelope envelope, String role, Class<T> type) {
        return new SignedMetadata<>(envelope, type.cast(MetadataCodec.decode(envelope.signed(), role)));
    }

    /**
     * Signs {@code body}: every signer signs the canonical bytes of its Go struct view, in order; the result is the
     * file notary would write, parsed back so that every view is consistent.
     */
    public static <T extends SignedBody> SignedMetadata<T> sign(T body, List<? extends MetadataSigner> signers) {
        byte[] canonical = MetadataCodec.canonical(body);
        List<Signature> signatures = new ArrayList<>(signers.size());
        for (MetadataSigner signer : signers) {
            signatures.add(signer.sign(canonical.clone()));
        }
        return new SignedMetadata<>(SignedEnvelope.parse(MetadataCodec.fileBytes(body, signatures)), body);
    }

    public byte[] raw() {
        return envelope.raw();
    }

    public JsonNode signedNode() {
        return envelope.signed();
    }

    public byte[] canonicalSigned() {
        return envelope.canonicalSigned();
    }

    public List<Signature> signatures() {
        return envelope.signatures();
    }

    /** What notary's server hashes for snapshot/timestamp: its re-serialisation of the parsed file (§12 T10). */
    public byte[] reserialize() {
        return MetadataCodec.fileBytes(signed, signatures());
    }
}
