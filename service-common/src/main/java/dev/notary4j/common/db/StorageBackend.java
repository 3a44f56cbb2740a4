package dev.notary4j.common.db;

import dev.notary4j.common.config.ConfigException;
import java.util.Locale;

/**
 * The {@code storage.backend} values we serve. All three run the same SQL through jOOQ: {@code memory} is an
 * in-process H2 database that lives as long as the process, so there is one code path to test.
 */
public enum StorageBackend {
    POSTGRES, H2, MEMORY;

    public static StorageBackend fromConfig(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql" -> POSTGRES;
            case "h2" -> H2;
            case "memory" -> MEMORY;
            default -> throw new ConfigException("storage.backend \"" + value
                    + "\" is not supported; use postgres, h2 or memory");
        };
    }
}
