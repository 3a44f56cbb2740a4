package dev.notary4j.common.db;

import dev.notary4j.common.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the {@code storage.db_url} values a Go notary deployment has (lib/pq URLs such as
 * {@code postgres://user:pw@host:5432/db?sslmode=disable}, or key=value DSNs) into JDBC URLs, so that an operator
 * keeps the config file. JDBC URLs pass through unchanged.
 */
public final class JdbcUrls {

    /** H2 settings that make the PostgreSQL-flavoured migrations and queries run unchanged. */
    static final String H2_COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private JdbcUrls() {
    }

    public static String forBackend(StorageBackend backend, String dbUrl) {
        return switch (backend) {
            case POSTGRES -> postgres(require(dbUrl));
            case H2 -> h2(require(dbUrl));
            case MEMORY -> "jdbc:h2:mem:notary-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_COMPATIBILITY;
        };
    }

    private static String require(String dbUrl) {
        if (dbUrl == null || dbUrl.isBlank()) {
            throw new ConfigException("storage.db_url is required for this storage.backend");
        }
        return dbUrl.trim();
    }

    static String h2(String dbUrl) {
        String base = dbUrl.startsWith("jdbc:h2:") ? dbUrl : "jdbc:h2:file:" + Path.of(dbUrl).toAbsolutePath();
        return base.contains("MODE=") ? base : base + H2_COMPATIBILITY;
    }

    static String postgres(String dbUrl) {
        if (dbUrl.startsWith("jdbc:")) {
            return dbUrl;
        }
        if (dbUrl.startsWith("postgres://") || dbUrl.startsWith("postgresql://")) {
            return fromUri(dbUrl);
        }
        return fromKeyValue(dbUrl);
    }

    private static String fromUri(String dbUrl) {
        URI uri;
        try {
            uri = new URI(dbUrl);
        } catch (URISyntaxException e) {
            throw new ConfigException("storage.db_url is not a valid PostgreSQL URL: " + e.getReason());
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        if (uri.getRawUserInfo() != null) {
            String userInfo = uri.getRawUserInfo();
            int colon = userInfo.indexOf(':');
            params.put("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                params.put("password", decode(userInfo.substring(colon + 1)));
            }
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String database = uri.getPath() == null ? "" : uri.getPath();
        return build(host + port + database, params);
    }

    /** lib/pq's {@code host=... port=... dbname=... user=... password=... sslmode=...} form. */
    private static String fromKeyValue(String dsn) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String token : dsn.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("storage.db_url is neither a postgres:// URL nor a key=value DSN");
            }
            params.put(token.substring(0, eq), token.substring(eq + 1).replaceAll("^'|'$", ""));
        }
        String host = params.getOrDefault("host", "localhost");
        String port = params.containsKey("port") ? ":" + params.remove("port") : "";
        params.remove("host");
        String database = "/" + params.getOrDefault("dbname", "");
        params.remove("dbname");
        return build(host + port + database, params);
    }

    private static String build(String hostPortDatabase, Map<String, String> params) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostPortDatabase);
        char separator = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            // lib/pq's sslmode values are the JDBC driver's too; "disable" is spelled the same.
            url.append(separator).append(encode(key)).append('=').append(encode(value));
            separator = '&';
        }
        return url.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
