package dev.notary4j.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * A request failure answered with notary's error envelope. {@code detail} is the JSON value Go would put in
 * {@code errors[0].detail}; empty means the field is omitted (Go's nil detail).
 */
public final class NotaryException extends Exception {

    private final ErrorCode code;
    private final JsonNode detail;

    public NotaryException(ErrorCode code, JsonNode detail, String logMessage) {
        super(code + (logMessage == null ? "" : ": " + logMessage));
        this.code = code;
        this.detail = detail;
    }

    public NotaryException(ErrorCode code, JsonNode detail) {
        this(code, detail, null);
    }

    /** Without detail. */
    public static NotaryException of(ErrorCode code) {
        return new NotaryException(code, null);
    }

    /** With {@code "detail":{}}: what Go's error structs without exported fields serialize to. */
    public static NotaryException withEmptyDetail(ErrorCode code, String logMessage) {
        return new NotaryException(code, JsonNodeFactory.instance.objectNode(), logMessage);
    }

    public static NotaryException withDetail(ErrorCode code, String detail) {
        return new NotaryException(code, TextNode.valueOf(detail));
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<JsonNode> detail() {
        return Optional.ofNullable(detail);
    }
}
