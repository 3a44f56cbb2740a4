package dev.notary4j.server.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * docker/go canonical JSON for the documents the server itself signs (snapshot and timestamp, whose strings are
 * role names, base64 digests and times). Keys sorted byte-wise, only {@code "} and {@code \} escaped, integral
 * numbers only.
 *
 * <p>INTERIM: replace with tuf-model's {@code dev.notary4j.tuf.json} canonical encoder once branch {@code model}
 * is merged; this class exists only because that module was empty when the server was written.
 */
public final class InterimCanonicalJson {

    private InterimCanonicalJson() {
    }

    public static byte[] encode(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                node.fields().forEachRemaining(fields::add);
                // Byte-wise order of the UTF-8 encodings, as Go's sort.Strings does.
                fields.sort((a, b) -> compareUtf8(a.getKey(), b.getKey()));
                out.append('{');
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(fields.get(i).getKey(), out);
                    out.append(':');
                    write(fields.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> items = node.elements();
                for (int i = 0; items.hasNext(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(items.next(), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.append(node.asLong());
                } else if (node.doubleValue() == Math.rint(node.doubleValue())) {
                    out.append((long) node.doubleValue());
                } else {
                    throw new IllegalArgumentException("canonical JSON cannot encode the non-integral number " + node);
                }
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            default -> throw new IllegalArgumentException("cannot encode " + node.getNodeType());
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
