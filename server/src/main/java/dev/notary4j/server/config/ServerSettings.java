package dev.notary4j.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.server.auth.TokenAuthSettings;
import dev.notary4j.server.update.UploadLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * notary-server's configuration file (spec §10) plus our additions: {@code storage.backend} h2, the upload caps
 * {@code server.max_upload_bytes} / {@code server.max_file_bytes} and {@code server.idle_timeout_seconds} (Go has
 * none of them).
 */
public record ServerSettings(String host, int port, Optional<Path> tlsCert, Optional<Path> tlsKey,
                             Optional<Path> clientCa, TrustServiceSettings trustService, DatabaseSettings storage,
                             String logLevel, int currentMaxAge, int consistentMaxAge, List<String> gunPrefixes,
                             UploadLimits uploadLimits, int idleTimeoutSeconds,
                             Optional<TokenAuthSettings> tokenAuth) {

    static final int MAX_CACHE_AGE = 31_536_000;
    /** Connections silent this long are closed, so idle or stalled clients cannot hold sockets forever. */
    static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 120;

    public ServerSettings {
        gunPrefixes = List.copyOf(gunPrefixes);
    }

    public static ServerSettings from(NotaryConfig config) {
        String httpAddr = config.requiredString("server.http_addr");
        int colon = httpAddr.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigException("server.http_addr must be host:port, got \"" + httpAddr + "\"");
        }
        String host = httpAddr.substring(0, colon).replaceAll("^\\[|\\]$", "");
        int port = port(httpAddr.substring(colon + 1), "server.http_addr");
        Optional<Path> cert = config.path("server.tls_cert_file");
        Optional<Path> key = config.path("server.tls_key_file");
        Optional<Path> clientCa = config.path("server.client_ca_file");
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException("server.tls_cert_file and server.tls_key_file must be given together");
        }
        if (clientCa.isPresent() && cert.isEmpty()) {
            throw new ConfigException("server.client_ca_file needs server.tls_cert_file and server.tls_key_file");
        }
        UploadLimits defaults = UploadLimits.DEFAULT;
        UploadLimits limits = new UploadLimits(
                config.integer("server.max_upload_bytes").orElse(defaults.maxBodyBytes()),
                config.integer("server.max_file_bytes").orElse(defaults.maxPartBytes()));
        return new ServerSettings(host.isEmpty() ? "0.0.0.0" : host, port, cert, key, clientCa, trustService(config),
                DatabaseSettings.fromConfig(config, "server"), config.string("logging.level").orElse("error"),
                maxAge(config, "caching.max_age.current_metadata", 300),
                maxAge(config, "caching.max_age.consistent_metadata", 2_592_000), gunPrefixes(config), limits,
                idleTimeout(config), TokenAuthSettings.from(config));
    }

    private static TrustServiceSettings trustService(NotaryConfig config) {
        String type = config.requiredString("trust_service.type").toLowerCase(Locale.ROOT);
        Optional<String> algorithm = config.string("trust_service.key_algorithm");
        return switch (type) {
            case "local" -> new TrustServiceSettings(TrustServiceSettings.Type.LOCAL, null, 0,
                    Optional.of("ed25519"), Optional.empty(), Optional.empty(), Optional.empty());
            case "remote" -> {
                Optional<Path> clientCert = config.path("trust_service.tls_client_cert");
                Optional<Path> clientKey = config.path("trust_service.tls_client_key");
                if (clientCert.isPresent() != clientKey.isPresent()) {
                    throw new ConfigException("trust_service.tls_client_cert and trust_service.tls_client_key must be "
                            + "given together");
                }
                algorithm.ifPresent(a -> {
                    if (!List.of("ecdsa", "ed25519", "rsa").contains(a)) {
                        throw new ConfigException("trust_service.key_algorithm must be ecdsa, ed25519 or rsa");
                    }
                });
                yield new TrustServiceSettings(TrustServiceSettings.Type.REMOTE,
                        config.requiredString("trust_service.hostname"),
                        port(config.requiredString("trust_service.port"), "trust_service.port"), algorithm,
                        config.path("trust_service.tls_ca_file"), clientCert, clientKey);
            }
            default -> throw new ConfigException("trust_service.type must be local or remote, got \"" + type + "\"");
        };
    }

    private static int maxAge(NotaryConfig config, String key, int defaultSeconds) {
        long value = config.integer(key).orElse((long) defaultSeconds);
        if (value < 0 || value > MAX_CACHE_AGE) {
            throw new ConfigException(key + " must be between 0 and " + MAX_CACHE_AGE + " seconds");
        }
        return (int) value;
    }

    private static int idleTimeout(NotaryConfig config) {
        long value = config.integer("server.idle_timeout_seconds").orElse((long) DEFAULT_IDLE_TIMEOUT_SECONDS);
        if (value < 1 || value > 86_400) {
            throw new ConfigException("server.idle_timeout_seconds must be between 1 and 86400");
        }
        return (int) value;
    }

    private static List<String> gunPrefixes(NotaryConfig config) {
        List<String> prefixes = new ArrayList<>();
        Optional<JsonNode> node = config.node("repositories.gun_prefixes");
        if (node.isEmpty() || node.get().isNull()) {
            config.string("repositories.gun_prefixes").ifPresent(s -> prefixes.addAll(List.of(s.trim().split("\\s+"))));
        } else if (node.get().isArray()) {
            node.get().forEach(p -> prefixes.add(p.asText()));
        } else {
            throw new ConfigException("repositories.gun_prefixes must be a list");
        }
        for (String prefix : prefixes) {
            if (!prefix.endsWith("/") || prefix.startsWith("/") || prefix.startsWith("..")
                    || !(Path.of(prefix).normalize().toString() + "/").equals(prefix)) {
                throw new ConfigException("invalid GUN prefix \"" + prefix + "\": it must end with /, be a clean "
                        + "path and not start with / or ..");
            }
        }
        return prefixes;
    }

    private static int port(String text, String key) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " has an invalid port \"" + text + "\"");
        }
    }
}
