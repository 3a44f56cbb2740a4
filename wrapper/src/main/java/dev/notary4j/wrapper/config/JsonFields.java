package dev.notary4j.wrapper.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads from a configuration tree; every error names the field's dotted path. */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    JsonFields object(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return new JsonFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), path(field));
        }
        if (!child.isObject()) {
            throw new ConfigException(path(field), "must be an object");
        }
        return new JsonFields(child, path(field));
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    JsonNode raw() {
        return node;
    }

    Optional<String> string(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isTextual()) {
            throw new ConfigException(path(field), "must be a string");
        }
        return Optional.of(child.asText());
    }

    String requiredString(String field) {
        return string(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(path(field), "is required"));
    }

    int integer(String field, int defaultValue) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return defaultValue;
        }
        if (child.isTextual() && child.asText().matches("\\d+")) {
            return Integer.parseInt(child.asText());
        }
        if (!child.canConvertToInt() || !child.isIntegralNumber()) {
            throw new ConfigException(path(field), "must be an integer");
        }
        return child.asInt();
    }

    boolean bool(String field, boolean defaultValue) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return defaultValue;
        }
        if (child.isTextual() && (child.asText().equals("true") || child.asText().equals("false"))) {
            return Boolean.parseBoolean(child.asText());
        }
        if (!child.isBoolean()) {
            throw new ConfigException(path(field), "must be true or false");
        }
        return child.asBoolean();
    }

    List<String> strings(String field) {
        JsonNode child = node.get(field);
        List<String> out = new ArrayList<>();
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isArray()) {
            throw new ConfigException(path(field), "must be an array of strings");
        }
        for (JsonNode item : child) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new ConfigException(path(field), "must be an array of non-empty strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A path relative to the configuration file's directory, as notary resolves its file settings. */
    Optional<Path> file(String field, Path baseDir) {
        return string(field).filter(s -> !s.isBlank()).map(s -> baseDir.resolve(s).normalize());
    }
}
