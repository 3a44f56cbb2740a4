package dev.notary4j.server.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the parts of a signed metadata file ({@code {"signed":{...},"signatures":[...]}}) that the server's
 * own logic needs: versions, expiry, the snapshot/timestamp checksums of the current-metadata walk and the role keys
 * of a root. Validation of client uploads is not done here (see {@code dev.notary4j.server.update.UpdateValidator}).
 *
 * <p>INTERIM: becomes a thin adapter over tuf-model's parsed records once branch {@code model} is merged.
 */
public final class SignedMetadata {

    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode signed;

    private SignedMetadata(JsonNode signed) {
        this.signed = signed;
    }

    public static SignedMetadata parse(byte[] file) throws MetadataFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (IOException e) {
            throw new MetadataFormatException("metadata is not JSON: " + e.getMessage());
        }
        JsonNode signed = root == null ? null : root.get("signed");
        if (signed == null || !signed.isObject()) {
            throw new MetadataFormatException("metadata has no \"signed\" object");
        }
        return new SignedMetadata(signed);
    }

    public ObjectNode signed() {
        return ((ObjectNode) signed).deepCopy();
    }

    public int version() throws MetadataFormatException {
        JsonNode version = signed.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new MetadataFormatException("metadata has no integer version");
        }
        return version.intValue();
    }

    public Instant expires() throws MetadataFormatException {
        JsonNode expires = signed.get("expires");
        if (expires == null || !expires.isTextual()) {
            throw new MetadataFormatException("metadata has no expires time");
        }
        try {
            return GoTimes.parse(expires.textValue());
        } catch (IllegalArgumentException e) {
            throw new MetadataFormatException(e.getMessage());
        }
    }

    /** Lowercase hex SHA-256 that {@code meta.<role>} lists (snapshot: any role; timestamp: "snapshot"). */
    public Optional<String> metaSha256Hex(String role) throws MetadataFormatException {
        JsonNode sha256 = signed.path("meta").path(role).path("hashes").path("sha256");
        if (sha256.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().formatHex(Base64.getDecoder().decode(sha256.asText())));
        } catch (IllegalArgumentException e) {
            throw new MetadataFormatException("meta." + role + " has an invalid sha256 hash");
        }
    }

    /** The key IDs and threshold this root assigns to {@code role}. */
    public RoleKeys roleKeys(String role) throws MetadataFormatException {
        JsonNode entry = signed.path("roles").path(role);
        JsonNode keyIds = entry.path("keyids");
        JsonNode threshold = entry.path("threshold");
        if (!keyIds.isArray() || !threshold.canConvertToInt()) {
            throw new MetadataFormatException("root does not define the " + role + " role");
        }
        List<String> ids = new ArrayList<>();
        keyIds.forEach(id -> ids.add(id.asText()));
        return new RoleKeys(role, ids, threshold.intValue());
    }

    /**
     * The file Go's encoder writes for a signed document: {@code signed} canonical bytes with {@code <>&} and
     * U+2028/9 escaped as Go's HTML-safe encoder does, then the signatures with fields keyid, method, sig.
     */
    public static byte[] envelope(byte[] canonicalSigned, List<Signature> signatures) {
        StringBuilder out = new StringBuilder("{\"signed\":");
        String signed = new String(canonicalSigned, StandardCharsets.UTF_8);
        for (int i = 0; i < signed.length(); i++) {
            char c = signed.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        out.append(",\"signatures\":[");
        for (int i = 0; i < signatures.size(); i++) {
            Signature s = signatures.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"keyid\":\"").append(s.keyId()).append("\",\"method\":\"").append(s.method())
                    .append("\",\"sig\":\"").append(Base64.getEncoder().encodeToString(s.signature())).append("\"}");
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One signature of a metadata file; {@code method} as notary names it (ecdsa, eddsa, rsapss, ...). */
    public record Signature(String keyId, String method, byte[] signature) {
    }
}
