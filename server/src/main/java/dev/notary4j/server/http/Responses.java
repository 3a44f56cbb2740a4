package dev.notary4j.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.auth.Access;
import dev.notary4j.server.auth.Challenge;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bodies the way Go's encoders write them. */
final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    /**
     * {@code {"errors":[{"code":..,"message":..,"detail":..}]}} plus the newline Go's json.Encoder appends;
     * {@code detail} is omitted when absent.
     */
    static byte[] errorEnvelope(NotaryException error) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode errors = body.putArray("errors");
        ObjectNode entry = errors.addObject();
        entry.put("code", error.code().name());
        entry.put("message", error.code().message());
        error.detail().ifPresent(detail -> entry.set("detail", detail));
        return (goJson(body) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Compact JSON with Go's HTML-safe escaping of {@code <>&} and U+2028/U+2029 (they only occur in strings). */
    static String goJson(JsonNode node) {
        String json;
        try {
            json = JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** distribution's challenge: {@code Bearer realm=%q,service=%q[,scope=%q][,error=%q]}. */
    static String challengeHeader(Challenge challenge) {
        StringBuilder header = new StringBuilder("Bearer realm=").append(goQuote(challenge.realm()))
                .append(",service=").append(goQuote(challenge.service()));
        String scope = challenge.scope();
        if (!scope.isEmpty()) {
            header.append(",scope=").append(goQuote(scope));
        }
        challenge.error().ifPresent(error -> header.append(",error=").append(goQuote(error)));
        return header.toString();
    }

    /** The 401's detail: the required accesses with Go's field names (auth.Access has no json tags). */
    static JsonNode accessDetail(List<Access> required) {
        ArrayNode detail = JSON.createArrayNode();
        for (Access access : required) {
            detail.addObject().put("Type", access.type()).put("Class", "").put("Name", access.name())
                    .put("Action", access.action());
        }
        return detail;
    }

    /** Go's {@code %q} of a string (strconv.Quote) for the ASCII cases that matter in error messages. */
    static String goQuote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
