package dev.notary4j.tuf.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * The one JSON parser configuration for TUF data, reading from bytes only, behaving as notary's Go decoder
 * (docker/go, a fork of Go 1.5 encoding/json) does for everything that reaches a signature or a record:
 * <ul>
 *   <li>exactly one JSON value, surrounded by optional JSON whitespace; no BOM, no other encodings;</li>
 *   <li>invalid UTF-8 inside strings becomes U+FFFD per bad byte, lone {@code \}u surrogates become U+FFFD;</li>
 *   <li>duplicate object keys: the last value wins;</li>
 *   <li>numbers keep their literal kind: integer literals become integral nodes, others {@link FloatLiteralNode};</li>
 *   <li>strings written with escapes are {@link EscapedTextNode}s.</li>
 * </ul>
 * Bounded (Go has no such bounds): nesting {@value #MAX_NESTING_DEPTH}, strings and names
 * {@value #MAX_STRING_LENGTH} chars, number literals {@value #MAX_NUMBER_LENGTH} chars.
 */
public final class TufJson {
    public static final int MAX_NESTING_DEPTH = 1000;
    public static final int MAX_STRING_LENGTH = 20_000_000;
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            // CANONICALIZE_FIELD_NAMES stays on: without it Jackson reads bytes through a Reader and loses offsets.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();


    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TufJson() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    /** A mapper on the same factory; it does not apply the Go string rules of {@link #parse}. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /**
     * For non-TUF JSON (configs, error bodies) that shares the limits; TUF metadata goes through {@link #parse}.
     * Made on first use: an ObjectMapper costs ~50 ms of a fresh JVM, and parsing metadata needs none.
     */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper(FACTORY);
    }

    /** Parses one JSON document the way notary's Go decoder reads it. */
    public static JsonNode parse(byte[] json) {
        rejectWhatJacksonWouldTranscode(json);
        byte[] input = GoUtf8.sanitize(json);
        try (JsonParser parser = FACTORY.createParser(input)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("unexpected end of JSON input", json.length, null);
            }
            JsonNode root = readValue(parser, first, input);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonSyntaxException("invalid character after top-level value",
                        parser.currentTokenLocation().getByteOffset(), null);
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new JsonSyntaxException("JSON exceeds a parser limit: " + e.getOriginalMessage(), -1, e);
        } catch (IOException e) {
            long offset = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                    && jpe.getLocation() != null ? jpe.getLocation().getByteOffset() : -1;
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                    ? jpe.getOriginalMessage() : e.getMessage();
            throw new JsonSyntaxException("invalid JSON: " + message, offset, e);
        }
    }

    /**
     * Jackson detects BOMs and UTF-16/32 from the first bytes; Go reads UTF-8 only, and a leading 0x00 or a BOM
     * is already a syntax error there.
     */
    private static void rejectWhatJacksonWouldTranscode(byte[] json) {
        int head = Math.min(4, json.length);
        for (int i = 0; i < head; i++) {
            int b = json[i] & 0xFF;
            if (b == 0 || (i == 0 && (b == 0xEF || b == 0xFE || b == 0xFF))) {
                throw new JsonSyntaxException("invalid character at offset " + i + " looking for beginning of value",
                        i, null);
            }
        }
    }

    private static JsonNode readValue(JsonParser p, JsonToken token, byte[] input) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = GoUtf8.replaceLoneSurrogates(p.currentName());
                    object.replace(name, readValue(p, p.nextToken(), input));
                }
                expect(t, JsonToken.END_OBJECT, p);
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    array.add(readValue(p, t, input));
                }
                expect(t, JsonToken.END_ARRAY, p);
                return array;
            }
            case VALUE_STRING:
                return readString(p, input);
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT: {
                return new FloatLiteralNode(p.getDoubleValue(), p.getText());
            }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonSyntaxException("unexpected token " + token,
                        p.currentTokenLocation().getByteOffset(), null);
        }
    }

    private static TextNode readString(JsonParser p, byte[] input) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        String text = GoUtf8.replaceLoneSurrogates(p.getText());
        long end = p.currentLocation().getByteOffset();
        for (long i = start + 1; i < end - 1; i++) {
            if (input[(int) i] == '\\') {
                return new EscapedTextNode(text);
            }
        }
        return new TextNode(text);
    }

    private static void expect(JsonToken actual, JsonToken expected, JsonParser p) {
        if (actual != expected) {
            throw new JsonSyntaxException("unexpected end of JSON input", p.currentLocation().getByteOffset(), null);
        }
    }
}
