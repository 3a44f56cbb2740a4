package dev.notary4j.server.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.json.GoTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the multipart body of a POST update the way the Go handler reads it (Go's mime/multipart): parts in order,
 * role = {@code filename} minus one {@code .json}, field name ignored, body kept verbatim. Pure: bytes in, files out.
 *
 * <p>Go crashes on an empty or broken stream (A6); here those are 400 {@code MALFORMED_UPLOAD}. A body with only
 * the closing boundary is a valid update without files (a "re-sign" request).
 */
public final class MultipartUpload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MultipartUpload() {
    }

    public static List<UploadedFile> parse(String contentType, byte[] body, UploadLimits limits) throws NotaryException {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = firstDelimiter(body, delimiter);
        List<UploadedFile> files = new ArrayList<>();
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                return files;
            }
            int headersStart = endOfLine(body, afterDelimiter, true);
            int[] headerEnd = new int[1];
            Map<String, String> headers = headers(body, headersStart, headerEnd);
            int partStart = headerEnd[0];
            int next = nextDelimiter(body, partStart, delimiter);
            if (next < 0) {
                throw malformed("multipart body ends inside a part");
            }
            int partEnd = next > partStart && body[next - 1] == '\n' ? (next > partStart + 1 && body[next - 2] == '\r' ? next - 2 : next - 1) : next;
            if (partEnd - partStart > limits.maxPartBytes()) {
                throw NotaryException.withDetail(ErrorCode.MALFORMED_UPLOAD,
                        "a metadata file exceeds " + limits.maxPartBytes() + " bytes");
            }
            byte[] data = java.util.Arrays.copyOfRange(body, partStart, partEnd);
            files.add(file(headers, data));
            position = next;
        }
    }

    private static UploadedFile file(Map<String, String> headers, byte[] data) throws NotaryException {
        String role = filename(headers.get("content-disposition")).map(f -> f.endsWith(".json")
                ? f.substring(0, f.length() - ".json".length()) : f).orElse("");
        if (role.isEmpty()) {
            throw NotaryException.of(ErrorCode.NO_FILENAME);
        }
        if (!RoleName.isValid(role)) {
            throw NotaryException.withDetail(ErrorCode.INVALID_ROLE, role);
        }
        return new UploadedFile(role, signedVersion(data), data);
    }

    /**
     * Decodes what Go's handler decodes (spec A5): {@code signed._type} string, {@code signed.expires} RFC 3339,
     * {@code signed.version} integer, {@code signatures[]} with string keyid/method and base64 sig. Unknown fields
     * are ignored and missing ones are zero, as in Go.
     */
    private static long signedVersion(byte[] data) throws NotaryException {
        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (IOException e) {
            throw malformedJson("not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw malformedJson("empty file");
        }
        if (root.isNull()) {
            return 0;
        }
        requireObject(root, "file");
        JsonNode signed = root.path("signed");
        long version = 0;
        if (!signed.isMissingNode() && !signed.isNull()) {
            requireObject(signed, "signed");
            requireStringOrNull(signed.path("_type"), "signed._type");
            JsonNode expires = signed.path("expires");
            if (!expires.isMissingNode() && !expires.isNull()) {
                requireStringOrNull(expires, "signed.expires");
                try {
                    GoTime.parse(expires.textValue());
                } catch (RuntimeException e) {
                    throw malformedJson(e.getMessage());
                }
            }
            JsonNode versionNode = signed.path("version");
            if (!versionNode.isMissingNode() && !versionNode.isNull()) {
                if (!versionNode.isIntegralNumber() || !versionNode.canConvertToLong()) {
                    throw malformedJson("signed.version is not an integer");
                }
                version = versionNode.longValue();
            }
        }
        JsonNode signatures = root.path("signatures");
        if (!signatures.isMissingNode() && !signatures.isNull()) {
            if (!signatures.isArray()) {
                throw malformedJson("signatures is not an array");
            }
            for (JsonNode signature : signatures) {
                if (signature.isNull()) {
                    continue;
                }
                requireObject(signature, "signature");
                requireStringOrNull(signature.path("keyid"), "keyid");
                requireStringOrNull(signature.path("method"), "method");
                JsonNode sig = signature.path("sig");
                requireStringOrNull(sig, "sig");
                if (sig.isTextual()) {
                    try {
                        Base64.getDecoder().decode(sig.textValue());
                    } catch (IllegalArgumentException e) {
                        throw malformedJson("sig is not base64");
                    }
                }
            }
        }
        return version;
    }

    private static void requireObject(JsonNode node, String what) throws NotaryException {
        if (!node.isObject()) {
            throw malformedJson(what + " is not an object");
        }
    }

    private static void requireStringOrNull(JsonNode node, String what) throws NotaryException {
        if (!node.isMissingNode() && !node.isNull() && !node.isTextual()) {
            throw malformedJson(what + " is not a string");
        }
    }

    private static NotaryException malformedJson(String why) {
        return new NotaryException(ErrorCode.MALFORMED_JSON, null, why);
    }

    private static NotaryException malformed(String why) {
        return new NotaryException(ErrorCode.MALFORMED_UPLOAD, null, why);
    }

    /** Go's MultipartReader: multipart/form-data or multipart/mixed with a boundary parameter. */
    static String boundary(String contentType) throws NotaryException {
        if (contentType == null) {
            throw malformed("no Content-Type");
        }
        List<String> pieces = splitParameters(contentType);
        String mediaType = pieces.get(0).trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("multipart/form-data") && !mediaType.equals("multipart/mixed")) {
            throw malformed("Content-Type is not multipart");
        }
        String boundary = parameters(pieces).get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw malformed("no multipart boundary");
        }
        return boundary;
    }

    /** The {@code filename} parameter of a Content-Disposition header; empty when absent or unparseable. */
    static Optional<String> filename(String contentDisposition) {
        if (contentDisposition == null) {
            return Optional.empty();
        }
        List<String> pieces = splitParameters(contentDisposition);
        if (pieces.get(0).trim().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(parameters(pieces).get("filename"));
    }

    /** Splits {@code type; a=b; c="d;e"} on the semicolons outside quoted strings. */
    private static List<String> splitParameters(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static Map<String, String> parameters(List<String> pieces) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = piece.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            parameters.put(name, value);
        }
        return parameters;
    }

    /** The first line that is the delimiter (anything before it is preamble). */
    private static int firstDelimiter(byte[] body, byte[] delimiter) throws NotaryException {
        int lineStart = 0;
        while (lineStart < body.length) {
            if (startsWith(body, lineStart, delimiter) && isDelimiterLineEnd(body, lineStart + delimiter.length)) {
                return lineStart;
            }
            lineStart = endOfLine(body, lineStart, false);
        }
        throw malformed("no multipart boundary in the body");
    }

    /** The next {@code \n--boundary} (CRLF or LF) followed by {@code --} or the end of the line. */
    private static int nextDelimiter(byte[] body, int from, byte[] delimiter) {
        for (int i = from; i <= body.length - delimiter.length; i++) {
            boolean atLineStart = i == from || body[i - 1] == '\n';
            if (atLineStart && startsWith(body, i, delimiter) && isDelimiterLineEnd(body, i + delimiter.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDelimiterLineEnd(byte[] body, int at) {
        if (startsWith(body, at, "--")) {
            return true;
        }
        int i = at;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        return i < body.length && (body[i] == '\n' || (body[i] == '\r' && i + 1 < body.length && body[i + 1] == '\n'));
    }

    private static Map<String, String> headers(byte[] body, int start, int[] end) throws NotaryException {
        Map<String, String> headers = new LinkedHashMap<>();
        int lineStart = start;
        while (true) {
            if (lineStart >= body.length) {
                throw malformed("multipart body ends inside part headers");
            }
            int lineEnd = endOfLine(body, lineStart, true);
            String line = new String(body, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8).strip();
            if (line.isEmpty()) {
                end[0] = lineEnd;
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("malformed part header");
            }
            headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            lineStart = lineEnd;
        }
    }

    /** Index just after the next {@code \n} at or after {@code from} (body length if none). */
    private static int endOfLine(byte[] body, int from, boolean required) throws NotaryException {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i + 1;
            }
        }
        if (required) {
            throw malformed("multipart body ends mid-line");
        }
        return body.length;
    }

    private static boolean startsWith(byte[] body, int at, String prefix) {
        return startsWith(body, at, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
