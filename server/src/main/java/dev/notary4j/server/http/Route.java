package dev.notary4j.server.http;

import java.util.regex.Pattern;

/**
 * notary-server's routes in gorilla/mux order (spec §2): the first whose method and path pattern match wins.
 * {@code gun} is {@code [^*]+} (slashes included, greedy).
 */
enum Route {
    MAIN("GET", "/v2/", "", CacheKind.NONE),
    UPDATE("POST", "/v2/(?<gun>[^*]+)/_trust/tuf/", "UpdateTUF", CacheKind.NONE),
    GET_BY_CHECKSUM("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>" + Route.ROLE + ")\\.(?<checksum>"
            + "[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})\\.json", "GetRoleByHash", CacheKind.CONSISTENT),
    GET_BY_VERSION("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<version>[1-9]*[0-9]+)\\.(?<role>" + Route.ROLE + ")\\.json",
            "GetRoleByVersion", CacheKind.CONSISTENT),
    GET_CURRENT("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>" + Route.ROLE + ")\\.json", "GetRole", CacheKind.CURRENT),
    GET_KEY("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>snapshot|timestamp)\\.key", "GetKey", CacheKind.NONE),
    ROTATE_KEY("POST", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>snapshot|timestamp)\\.key", "RotateKey", CacheKind.NONE),
    DELETE("DELETE", "/v2/(?<gun>[^*]+)/_trust/tuf/", "DeleteTUF", CacheKind.NONE),
    GUN_CHANGEFEED("GET", "/v2/(?<gun>[^*]+)/_trust/changefeed", "Changefeed", CacheKind.NONE),
    CHANGEFEED("GET", "/v2/_trust/changefeed", "Changefeed", CacheKind.NONE),
    HEALTH("GET", "/_notary_server/health", "", CacheKind.NONE),
    METRICS("GET", "/metrics", "", CacheKind.NONE),
    /** Everything else with a method the catch-all accepts: 404 METADATA_NOT_FOUND without detail. */
    NOT_FOUND(null, "/.*", "", CacheKind.NONE);

    private static final String ROLE = "root|targets(?:/[^/\\s]+)*|snapshot|timestamp";

    /** Which caching headers a 200 gets (spec §4.4.1). */
    enum CacheKind { NONE, CURRENT, CONSISTENT }

    private final String method;
    private final Pattern pattern;
    private final String operation;
    private final CacheKind cacheKind;

    Route(String method, String regex, String operation, CacheKind cacheKind) {
        this.method = method;
        this.pattern = Pattern.compile(regex, Pattern.DOTALL);
        this.operation = operation;
        this.cacheKind = cacheKind;
    }

    String method() {
        return method;
    }

    Pattern pattern() {
        return pattern;
    }

    /** The Go metrics label; empty for routes Go does not instrument. */
    String operation() {
        return operation;
    }

    CacheKind cacheKind() {
        return cacheKind;
    }

    boolean hasGun() {
        return pattern.pattern().contains("(?<gun>");
    }
}
