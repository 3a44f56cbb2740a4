package dev.notary4j.server.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * An update rejected by validation: 400 {@code INVALID_UPDATE}. The five serializable kinds of spec §5.1 carry a
 * {@code detail} the notary client decodes ({@code {"Name":"ErrBadRoot","Error":{"Msg":"..."}}}); {@link Kind#OTHER}
 * has none.
 */
public final class ValidationFailure extends Exception {

    /** The Go error types of {@code tuf/validation/errors.go}, by their serialized {@code Name}. */
    public enum Kind {
        VALIDATION("ErrValidation"),
        BAD_HIERARCHY("ErrBadHierarchy"),
        BAD_ROOT("ErrBadRoot"),
        BAD_TARGETS("ErrBadTargets"),
        BAD_SNAPSHOT("ErrBadSnapshot"),
        /** Any other failure: INVALID_UPDATE without detail. */
        OTHER(null);

        private final String goName;

        Kind(String goName) {
            this.goName = goName;
        }

        public String goName() {
            return goName;
        }
    }

    private final Kind kind;
    private final String msg;
    private final String missing;

    private ValidationFailure(Kind kind, String msg, String missing) {
        super(kind + ": " + msg);
        this.kind = kind;
        this.msg = msg;
        this.missing = missing;
    }

    public static ValidationFailure validation(String msg) {
        return new ValidationFailure(Kind.VALIDATION, msg, null);
    }

    public static ValidationFailure badHierarchy(String missing, String msg) {
        return new ValidationFailure(Kind.BAD_HIERARCHY, msg, missing);
    }

    public static ValidationFailure badRoot(String msg) {
        return new ValidationFailure(Kind.BAD_ROOT, msg, null);
    }

    public static ValidationFailure badTargets(String msg) {
        return new ValidationFailure(Kind.BAD_TARGETS, msg, null);
    }

    public static ValidationFailure badSnapshot(String msg) {
        return new ValidationFailure(Kind.BAD_SNAPSHOT, msg, null);
    }

    /** A failure Go reports without detail; {@code reason} is for logs only. */
    public static ValidationFailure withoutDetail(String reason) {
        return new ValidationFailure(Kind.OTHER, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    public String msg() {
        return msg;
    }

    /** ErrBadHierarchy's {@code Missing} role. */
    public Optional<String> missing() {
        return Optional.ofNullable(missing);
    }

    /** The {@code detail} value of the error envelope, empty for {@link Kind#OTHER}. */
    public Optional<JsonNode> detail() {
        if (kind == Kind.OTHER) {
            return Optional.empty();
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode error = nodes.objectNode();
        if (kind == Kind.BAD_HIERARCHY) {
            error.put("Missing", missing);
        }
        error.put("Msg", msg);
        ObjectNode detail = nodes.objectNode();
        detail.put("Name", kind.goName());
        detail.set("Error", error);
        return Optional.of(detail);
    }
}
