package dev.notary4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Config files in notary's own JSON format (the same keys go-notary-up.sh writes). */
final class NotaryConfigFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NotaryConfigFiles() {
    }

    static void write(Path file, Map<String, Object> config) {
        try {
            JSON.writeValue(file.toFile(), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A JSON object whose keys keep their insertion order (readable config files). */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** The "storage" section: memory when {@code postgresUrl} is null. */
    static Map<String, Object> storage(String postgresUrl) {
        return postgresUrl == null
                ? object("backend", "memory")
                : object("backend", "postgres", "db_url", postgresUrl);
    }
}
