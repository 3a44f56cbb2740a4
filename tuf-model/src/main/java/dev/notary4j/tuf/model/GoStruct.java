package dev.notary4j.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.tuf.json.EscapedTextNode;
import dev.notary4j.tuf.json.GoBase64;
import dev.notary4j.tuf.json.GoJsonKinds;
import dev.notary4j.tuf.json.GoTime;
import dev.notary4j.tuf.json.GoTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object read the way Go's decoder fills a struct: keys match field names exactly or case-insensitively
 * (the last matching key wins), unknown keys are ignored, absent and {@code null} leave the zero value, and a
 * value of the wrong JSON type is an error.
 */
final class GoStruct {
    private final JsonNode node;
    private final String role;
    private final String path;

    private GoStruct(JsonNode node, String role, String path) {
        this.node = node;
        this.role = role;
        this.path = path;
    }

    /** {@code value} decoded into a struct of Go type {@code goType}; absent or null gives the zero struct. */
    static GoStruct of(JsonNode value, String goType, String role, String path) {
        if (value != null && !value.isNull() && !value.isObject()) {
            throw typeError(role, path, value, goType);
        }
        return new GoStruct(value == null || value.isNull() ? null : value, role, path);
    }

    String path() {
        return path;
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The value of a field, or null when absent. */
    JsonNode field(String name) {
        if (node == null) {
            return null;
        }
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(name) || equalFold(name, e.getKey())) {
                found = e.getValue();
            }
        }
        return found;
    }

    String string(String name) {
        return stringValue(field(name), role, child(name));
    }

    /** A Go {@code int}/{@code int64} field that we hold as a Java int. */
    int intField(String name) {
        long value = int64(name, "int");
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedMetadataException(role, child(name), "int32", Long.toString(value),
                    "value " + value + " of " + child(name) + " is out of the supported range");
        }
        return (int) value;
    }

    long int64(String name, String goType) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw typeError(role, child(name), value, goType);
    }

    boolean bool(String name) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw typeError(role, child(name), value, "bool");
        }
        return value.booleanValue();
    }

    /** A {@code []string}: null when absent or null, elements that are null become "". */
    List<String> stringList(String name) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw typeError(role, child(name), value, "[]string");
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            out.add(stringValue(value.get(i), role, child(name) + "[" + i + "]"));
        }
        return out;
    }

    /** A {@code time.Time}: Go hands the raw token to {@code UnmarshalJSON}, which ignores null. */
    OffsetDateTime time(String name) {
        JsonNode value = field(name);
        if (value == null || value.isNull()) {
            return GoTime.ZERO;
        }
        try {
            if (value instanceof EscapedTextNode) {
                throw new GoTimeException(value.textValue(), "parsing time: the JSON string contains escapes, "
                        + "which Go's time.Time cannot parse");
            }
            return value.isTextual() ? GoTime.parse(value.textValue()) : GoTime.parseRawToken(value.toString());
        } catch (GoTimeException e) {
            throw new MalformedMetadataException(role, child(name), "time.Time", value.toString(), e.getMessage());
        }
    }

    GoStruct struct(String name, String goType) {
        return of(field(name), goType, role, child(name));
    }

    /** A Go map: null when absent or null, otherwise the entries in document order. */
    Map<String, JsonNode> map(String name, String goType) {
        return mapValue(field(name), goType, role, child(name));
    }

    static Map<String, JsonNode> mapValue(JsonNode value, String goType, String role, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw typeError(role, path, value, goType);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            out.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    static String stringValue(JsonNode value, String role, String path) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw typeError(role, path, value, "string");
        }
        return value.textValue();
    }

    /** A {@code []byte}: standard base64; null when absent or null. */
    static byte[] bytesValue(JsonNode value, String role, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw typeError(role, path, value, "[]uint8");
        }
        try {
            return GoBase64.decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw new MalformedMetadataException(role, path, "base64", value.textValue(), e.getMessage());
        }
    }

    byte[] bytes(String name) {
        return bytesValue(field(name), role, child(name));
    }

    static MalformedMetadataException typeError(String role, String path, JsonNode value, String goType) {
        boolean numericTarget = goType.equals("int") || goType.equals("int64");
        String actual = value.isNumber() && numericTarget ? GoJsonKinds.numberLiteral(value) : GoJsonKinds.kind(value);
        return new MalformedMetadataException(role, path, goType, actual,
                "json: cannot unmarshal " + actual + " into Go value of type " + goType);
    }

    /**
     * Go's field-name folding: ASCII case-insensitive, plus U+017F (long s) for 's' and U+212A (Kelvin) for 'k'.
     */
    static boolean equalFold(String fieldName, String key) {
        int k = 0;
        for (int i = 0; i < fieldName.length(); i++) {
            if (k >= key.length()) {
                return false;
            }
            char f = Character.toLowerCase(fieldName.charAt(i));
            int c = key.codePointAt(k);
            k += Character.charCount(c);
            if (c < 0x80) {
                if (c != f && !(Character.isLetter(f) && Character.toLowerCase((char) c) == f)) {
                    return false;
                }
            } else if (!((f == 's' && c == 0x17F) || (f == 'k' && c == 0x212A))) {
                return false;
            }
        }
        return k == key.length();
    }
}
