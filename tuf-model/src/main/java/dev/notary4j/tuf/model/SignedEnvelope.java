package dev.notary4j.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.tuf.json.CanonicalJson;
import dev.notary4j.tuf.json.TufJson;
import dev.notary4j.tuf.json.TufJsonException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A metadata file as notary's {@code data.Signed}: the exact bytes it was read from, the {@code signed} value as a
 * tree, the signatures, and the canonical bytes signatures are verified over (the verifier's Go-map view of
 * {@code signed}: never the raw upload, never a re-serialised record).
 */
public final class SignedEnvelope {
    private final byte[] raw;
    private final JsonNode signed;
    private final List<Signature> signatures;
    private final String role;
    /** Encoded on first use (by {@link #canonicalSigned()}), so decoding the tree need not wait for it. */
    private byte[] canonicalSigned;
    private RuntimeException canonicalFailure;

    private SignedEnvelope(byte[] raw, JsonNode signed, List<Signature> signatures, String role) {
        this.raw = raw;
        this.signed = signed;
        this.signatures = signatures;
        this.role = role;
    }

    /**
     * Parses a metadata file. Fails on bytes that are not JSON, or whose envelope does not decode into notary's
     * {@code data.Signed} (e.g. {@code signatures} not an array, a bad base64 {@code sig}).
     */
    public static SignedEnvelope parse(byte[] raw) {
        return parse(raw, null);
    }

    /** As {@link #parse(byte[])}, naming {@code role} in the exceptions. */
    public static SignedEnvelope parse(byte[] raw, String role) {
        byte[] copy = raw.clone();
        JsonNode tree;
        try {
            tree = TufJson.parse(copy);
        } catch (TufJsonException e) {
            throw new MalformedMetadataException(role, "", "JSON", "invalid", e.getMessage());
        }
        GoStruct envelope = GoStruct.of(tree, "data.Signed", role, "");
        JsonNode signed = envelope.field("signed");
        return new SignedEnvelope(copy, signed == null || signed.isNull() ? null : signed,
                signatures(envelope.field("signatures"), role), role);
    }

    private static List<Signature> signatures(JsonNode node, String role) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw GoStruct.typeError(role, "signatures", node, "[]data.Signature");
        }
        List<Signature> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            GoStruct s = GoStruct.of(node.get(i), "data.unmarshalledSignature", role, "signatures[" + i + "]");
            out.add(new Signature(s.string("keyid"), s.string("method"), s.bytes("sig")));
        }
        return Collections.unmodifiableList(out);
    }

    /** The exact bytes this envelope was parsed from (a copy). */
    public byte[] raw() {
        return raw.clone();
    }

    /** Length of {@link #raw()}. */
    public int rawLength() {
        return raw.length;
    }

    /**
     * The parsed {@code signed} value, or null when the file has none (or {@code null}). Shared, not copied:
     * callers must not modify it.
     */
    public JsonNode signed() {
        return signed;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    /**
     * The bytes signatures are verified over. Throws what Go's verifier would fail with: a
     * {@link dev.notary4j.tuf.json.CanonicalJsonException} (e.g. a non-integral number anywhere in {@code signed}),
     * or a {@link MalformedMetadataException} when there is no {@code signed}.
     */
    public synchronized byte[] canonicalSigned() {
        if (canonicalSigned == null && canonicalFailure == null) {
            encodeCanonical();
        }
        if (canonicalFailure != null) {
            throw canonicalFailure;
        }
        return canonicalSigned.clone();
    }

    private void encodeCanonical() {
        if (signed == null) {
            canonicalFailure = new MalformedMetadataException(role, "signed", "a JSON value", "missing",
                    "the metadata has no signed payload");
            return;
        }
        try {
            canonicalSigned = CanonicalJson.verifierBytes(signed);
        } catch (TufJsonException e) {
            canonicalFailure = e;
        }
    }
}
