package dev.notary4j.signer.config;

import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import java.nio.file.Path;
import java.util.Optional;

/**
 * notary-signer's configuration file (Go's {@code cmd/notary-signer/config.go} keys), validated at start-up.
 *
 * @param clientCa when present, clients must present a certificate that one of these CAs issued
 * @param defaultAlias the passphrase alias new keys are encrypted under; required except for {@code memory}
 */
public record SignerConfig(ListenAddress grpcAddress, Path tlsCert, Path tlsKey, Optional<Path> clientCa,
                           DatabaseSettings database, Optional<String> defaultAlias, String logLevel) {

    public static final String ENV_PREFIX = "NOTARY_SIGNER_";

    public static SignerConfig from(NotaryConfig config) {
        ListenAddress address = ListenAddress.parse(config.requiredString("server.grpc_addr"));
        Path cert = config.path("server.tls_cert_file").orElseThrow(SignerConfig::missingTls);
        Path key = config.path("server.tls_key_file").orElseThrow(SignerConfig::missingTls);
        DatabaseSettings database = DatabaseSettings.fromConfig(config, "signer");
        // storage.default_alias, or the top-level DEFAULT_ALIAS Go still reads for backwards compatibility.
        Optional<String> alias = config.string("storage.default_alias")
                .or(() -> config.string("DEFAULT_ALIAS"))
                .or(() -> config.string("default_alias"));
        if (alias.isEmpty() && database.backend() != StorageBackend.MEMORY) {
            throw new ConfigException("must provide a default alias for the key DB (storage.default_alias)");
        }
        return new SignerConfig(address, cert, key, config.path("server.client_ca_file"), database, alias,
                config.string("logging.level").orElse("error"));
    }

    private static ConfigException missingTls() {
        return new ConfigException("notary-signer requires TLS: set server.tls_cert_file and server.tls_key_file");
    }
}
