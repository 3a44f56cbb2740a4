package dev.notary4j.wrapper.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.wrapper.trust.TrustFailure;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A notary-wrapper request body read as Go's {@code encoding/json} reads it into a struct: field names match
 * case-insensitively, the last matching key wins, unknown keys are ignored. Unlike notary-wrapper, a body that is
 * not a JSON object, or a non-string value, is a bad request rather than silently empty fields.
 */
public final class RequestFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode object;

    private RequestFields(JsonNode object) {
        this.object = object;
    }

    public static RequestFields parse(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TrustFailure(TrustFailure.Kind.BAD_REQUEST, "request body is not valid JSON");
        } catch (IOException e) {
            throw new TrustFailure(TrustFailure.Kind.BAD_REQUEST, "request body cannot be read");
        }
        if (tree == null || !tree.isObject()) {
            throw new TrustFailure(TrustFailure.Kind.BAD_REQUEST, "request body must be a JSON object");
        }
        return new RequestFields(tree);
    }

    /** The string value of {@code name} (matched case-insensitively), or "" when absent or null. */
    public String get(String name) {
        JsonNode value = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                value = field.getValue();
            }
        }
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new TrustFailure(TrustFailure.Kind.BAD_REQUEST, name + " must be a string");
        }
        return value.asText();
    }
}
