package dev.notary4j.common.db;

import dev.notary4j.common.config.NotaryConfig;

/**
 * Where a service keeps its data. {@code schema} names the migration set ({@code server} or {@code signer}).
 *
 * @param migrate apply the migrations at start (config {@code storage.migrate}, default true); off when a
 *                Kubernetes Job or an operator applies them
 */
public record DatabaseSettings(StorageBackend backend, String dbUrl, String schema, boolean migrate, int maxPoolSize) {

    public static DatabaseSettings fromConfig(NotaryConfig config, String schema) {
        StorageBackend backend = StorageBackend.fromConfig(config.requiredString("storage.backend"));
        return new DatabaseSettings(backend, config.string("storage.db_url").orElse(null), schema,
                config.bool("storage.migrate").orElse(true),
                config.integer("storage.max_connections").orElse(16L).intValue());
    }
}
