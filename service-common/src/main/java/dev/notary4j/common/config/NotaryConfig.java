package dev.notary4j.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A notary JSON configuration file (the format notary-server and notary-signer read), with the Go services'
 * environment overrides: every dotted key {@code a.b_c} can be replaced by {@code <PREFIX>A_B_C}, and the
 * environment wins over the file (viper's AutomaticEnv). Relative file paths resolve against the config file's
 * directory, as in Go.
 */
public final class NotaryConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final Path baseDirectory;
    private final String envPrefix;
    private final Map<String, String> environment;

    NotaryConfig(JsonNode root, Path baseDirectory, String envPrefix, Map<String, String> environment) {
        this.root = root;
        this.baseDirectory = baseDirectory;
        this.envPrefix = envPrefix;
        this.environment = Map.copyOf(environment);
    }

    /** Reads {@code file}; {@code envPrefix} is {@code NOTARY_SERVER_} or {@code NOTARY_SIGNER_}. */
    public static NotaryConfig load(Path file, String envPrefix, Map<String, String> environment) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(bytes, file.toAbsolutePath().getParent(), envPrefix, environment);
    }

    public static NotaryConfig parse(byte[] json, Path baseDirectory, String envPrefix, Map<String, String> environment) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("config file cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config file must hold a JSON object");
        }
        return new NotaryConfig(root, baseDirectory, envPrefix, environment);
    }

    /** The environment variable that overrides {@code dottedKey}. */
    public String environmentName(String dottedKey) {
        return envPrefix + dottedKey.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public Optional<String> string(String dottedKey) {
        String fromEnv = environment.get(environmentName(dottedKey));
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        return node(dottedKey).filter(n -> !n.isNull() && !n.isContainerNode()).map(JsonNode::asText)
                .filter(s -> !s.isEmpty());
    }

    public String requiredString(String dottedKey) {
        return string(dottedKey).orElseThrow(() -> new ConfigException("missing required config key " + dottedKey));
    }

    public Optional<Long> integer(String dottedKey) {
        Optional<String> text = string(dottedKey);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.get().trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException(dottedKey + " must be an integer, got \"" + text.get() + "\"");
        }
    }

    public Optional<Boolean> bool(String dottedKey) {
        return string(dottedKey).map(s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "t" -> true;
            case "false", "0", "f" -> false;
            default -> throw new ConfigException(dottedKey + " must be true or false, got \"" + s + "\"");
        });
    }

    /** A file path: relative ones resolve against the config file's directory. */
    public Optional<Path> path(String dottedKey) {
        return string(dottedKey).map(p -> baseDirectory == null ? Path.of(p) : baseDirectory.resolve(p).normalize());
    }

    /** The raw JSON below {@code dottedKey} (no environment overrides apply to whole objects or arrays). */
    public Optional<JsonNode> node(String dottedKey) {
        JsonNode current = root;
        for (String part : dottedKey.split("\\.")) {
            current = current.get(part);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    public Path baseDirectory() {
        return baseDirectory;
    }
}
