package dev.notary4j.tuf.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * docker/go {@code MarshalCanonical} for JSON trees: object keys sorted by their UTF-8 bytes, no whitespace,
 * strings as raw UTF-8 with only {@code "} and {@code \} escaped (control characters, {@code <>&} and U+2028
 * stay raw), lone surrogates as U+FFFD, numbers as integers.
 */
public final class CanonicalJson {

    /** How numbers are written. */
    public enum NumberMode {
        /**
         * What notary's verifier does: the tree is decoded into a Go map, so every number passes through an IEEE
         * double, then is written as {@code int64(f)}. Non-integral or non-finite values fail; values outside the
         * int64 range become {@link Long#MIN_VALUE} (Go on amd64); -0 becomes 0.
         */
        GO_MAP,
        /** For our own structs: integer nodes within int64 are written exactly; any other number fails. */
        EXACT_INTEGERS
    }

    private static final double TWO_POW_63 = 0x1p63;

    private CanonicalJson() {
    }

    /** Canonical bytes of {@code node}. */
    public static byte[] encode(JsonNode node, NumberMode mode) {
        ByteSink out = new ByteSink(256);
        write(out, node, mode);
        return out.toByteArray();
    }

    /** The canonical bytes notary's verifier computes for a parsed {@code signed} value. */
    public static byte[] encodeAsGoMap(JsonNode node) {
        return encode(node, NumberMode.GO_MAP);
    }

    /**
     * What notary's verifier signs over for a parsed {@code signed} value: it decodes it into a
     * {@code map[string]interface{}} (so anything but an object or null fails) and re-encodes it in
     * {@link NumberMode#GO_MAP} mode.
     */
    public static byte[] verifierBytes(JsonNode signed) {
        if (signed.isNull()) {
            return new byte[] {'n', 'u', 'l', 'l'};
        }
        if (!signed.isObject()) {
            String kind = GoJsonKinds.kind(signed);
            throw new CanonicalJsonException(CanonicalJsonException.Reason.NOT_AN_OBJECT, kind,
                    "json: cannot unmarshal " + kind + " into Go value of type map[string]interface {}");
        }
        return encode(signed, NumberMode.GO_MAP);
    }

    /**
     * A copy of {@code node} as the verifier's Go map holds it: every number replaced by the int64 that
     * {@link NumberMode#GO_MAP} writes, so that the copy encodes to the same bytes in either mode.
     */
    public static JsonNode asGoMapValue(JsonNode node) {
        switch (node.getNodeType()) {
            case NUMBER:
                return JsonNodeFactory.instance.numberNode(goMapInteger(node));
            case OBJECT: {
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    copy.set(e.getKey(), asGoMapValue(e.getValue()));
                }
                return copy;
            }
            case ARRAY: {
                ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
                node.forEach(element -> copy.add(asGoMapValue(element)));
                return copy;
            }
            default:
                return node.deepCopy();
        }
    }

    /** Appends the canonical encoding of {@code node} to {@code out}. */
    static void write(ByteSink out, JsonNode node, NumberMode mode) {
        switch (node.getNodeType()) {
            case OBJECT:
                writeObject(out, node, mode);
                break;
            case ARRAY:
                out.write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(out, node.get(i), mode);
                }
                out.write(']');
                break;
            case STRING:
                writeString(out, node.textValue());
                break;
            case NUMBER:
                out.writeAscii(Long.toString(mode == NumberMode.GO_MAP ? goMapInteger(node) : exactInteger(node)));
                break;
            case BOOLEAN:
                out.writeAscii(node.booleanValue() ? "true" : "false");
                break;
            case NULL:
                out.writeAscii("null");
                break;
            default:
                throw new CanonicalJsonException(CanonicalJsonException.Reason.UNSUPPORTED_NODE,
                        String.valueOf(node.getNodeType()), "json: unsupported type: " + node.getNodeType());
        }
    }

    private static void writeObject(ByteSink out, JsonNode node, NumberMode mode) {
        List<byte[]> keys = new ArrayList<>(node.size());
        List<JsonNode> values = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            keys.add(GoUtf8.encode(e.getKey()));
            values.add(e.getValue());
        }
        Integer[] order = new Integer[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys.get(a), keys.get(b)));
        out.write('{');
        for (int i = 0; i < order.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeStringBytes(out, keys.get(order[i]));
            out.write(':');
            write(out, values.get(order[i]), mode);
        }
        out.write('}');
    }

    /** Appends a canonical string: raw UTF-8, only {@code "} and {@code \} escaped. */
    static void writeString(ByteSink out, String s) {
        writeStringBytes(out, GoUtf8.encode(s));
    }

    private static void writeStringBytes(ByteSink out, byte[] utf8) {
        out.write('"');
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '"' || b == '\\') {
                out.write(utf8, start, i - start);
                out.write('\\');
                out.write(b);
                start = i + 1;
            }
        }
        out.write(utf8, start, utf8.length - start);
        out.write('"');
    }

    /** The int64 Go writes for a JSON number that went through float64 (see {@link NumberMode#GO_MAP}). */
    public static long goMapInteger(JsonNode number) {
        double f = number.isBigInteger() ? number.bigIntegerValue().doubleValue() : number.doubleValue();
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            String literal = number instanceof FloatLiteralNode o ? o.literal()
                    : number.isBigInteger() ? number.bigIntegerValue().toString() : number.asText();
            throw new CanonicalJsonException(CanonicalJsonException.Reason.NON_FINITE_NUMBER, literal,
                    "json: cannot unmarshal number " + literal + " into Go value of type float64");
        }
        if (Math.floor(f) != f) {
            throw new CanonicalJsonException(CanonicalJsonException.Reason.NON_INTEGRAL_NUMBER, GoFloat.format(f),
                    "json: unsupported value: " + GoFloat.format(f));
        }
        return goInt64(f);
    }

    /** Go's {@code int64(f)} on amd64: out-of-range values give the "integer indefinite" value MinInt64. */
    public static long goInt64(double f) {
        if (Double.isNaN(f) || f >= TWO_POW_63 || f < -TWO_POW_63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    private static long exactInteger(JsonNode number) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            return number.longValue();
        }
        String text = number.isBigInteger() ? number.bigIntegerValue().toString() : number.asText();
        throw new CanonicalJsonException(CanonicalJsonException.Reason.NOT_AN_INT64, text,
                "canonical encoding of a struct needs an int64, got " + text);
    }
}
