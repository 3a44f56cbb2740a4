package dev.notary4j.server.http;

import dev.notary4j.server.auth.Access;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * notary-server's routes in gorilla/mux order (spec §2): the first whose method and path pattern match wins.
 * {@code gun} is {@code [^*]+} (slashes included, greedy).
 */
enum Route {
    MAIN("GET", "/v2/", "", CacheKind.NONE, Auth.CATALOG),
    UPDATE("POST", "/v2/(?<gun>[^*]+)/_trust/tuf/", "UpdateTUF", CacheKind.NONE, Auth.PUSH_PULL),
    GET_BY_CHECKSUM("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>" + Route.ROLE + ")\\.(?<checksum>"
            + "[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})\\.json", "GetRoleByHash", CacheKind.CONSISTENT, Auth.PULL),
    GET_BY_VERSION("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<version>[1-9]*[0-9]+)\\.(?<role>" + Route.ROLE + ")\\.json",
            "GetRoleByVersion", CacheKind.CONSISTENT, Auth.PULL),
    GET_CURRENT("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>" + Route.ROLE + ")\\.json", "GetRole", CacheKind.CURRENT, Auth.PULL),
    GET_KEY("GET", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>snapshot|timestamp)\\.key", "GetKey", CacheKind.NONE, Auth.PUSH_PULL),
    ROTATE_KEY("POST", "/v2/(?<gun>[^*]+)/_trust/tuf/(?<role>snapshot|timestamp)\\.key", "RotateKey", CacheKind.NONE, Auth.ALL),
    DELETE("DELETE", "/v2/(?<gun>[^*]+)/_trust/tuf/", "DeleteTUF", CacheKind.NONE, Auth.ALL),
    GUN_CHANGEFEED("GET", "/v2/(?<gun>[^*]+)/_trust/changefeed", "Changefeed", CacheKind.NONE, Auth.PULL),
    CHANGEFEED("GET", "/v2/_trust/changefeed", "Changefeed", CacheKind.NONE, Auth.CATALOG),
    HEALTH("GET", "/_notary_server/health", "", CacheKind.NONE, Auth.NONE),
    METRICS("GET", "/metrics", "", CacheKind.NONE, Auth.NONE),
    /** Everything else with a method the catch-all accepts: 404 METADATA_NOT_FOUND without detail. */
    NOT_FOUND(null, "/.*", "", CacheKind.NONE, Auth.CATALOG);

    private static final String ROLE = "root|targets(?:/[^/\\s]+)*|snapshot|timestamp";

    /** Which caching headers a 200 gets (spec §4.4.1). */
    enum CacheKind { NONE, CURRENT, CONSISTENT }

    /**
     * What token auth requires (spec §2, §9): actions on {@code repository:<gun>}, or {@code registry:catalog:*}
     * for routes without a GUN; NONE is never authenticated.
     */
    enum Auth {
        NONE, CATALOG, PULL("pull"), PUSH_PULL("push", "pull"), ALL("*");

        private final List<String> repositoryActions;

        Auth(String... repositoryActions) {
            this.repositoryActions = List.of(repositoryActions);
        }

        List<Access> required(String gun) {
            return switch (this) {
                case NONE -> List.of();
                case CATALOG -> Access.CATALOG;
                default -> Access.repository(gun, repositoryActions);
            };
        }
    }

    private final String method;
    private final Pattern pattern;
    private final Set<String> groupNames;
    private final String operation;
    private final CacheKind cacheKind;
    private final Auth auth;

    Route(String method, String regex, String operation, CacheKind cacheKind, Auth auth) {
        this.method = method;
        this.pattern = Pattern.compile(regex, Pattern.DOTALL);
        this.groupNames = namedGroups(regex);
        this.operation = operation;
        this.cacheKind = cacheKind;
        this.auth = auth;
    }

    /** A method, not a static field: enum constants are constructed before the enum's static fields are set. */
    private static Set<String> namedGroups(String regex) {
        return Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(regex).results()
                .map(group -> group.group(1)).collect(Collectors.toUnmodifiableSet());
    }

    Auth auth() {
        return auth;
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
        return groupNames.contains("gun");
    }

    /**
     * The named group of a match of this route's pattern; null when the pattern has no such group (asked of the
     * matcher, that would throw, and a stack trace per request is measurable on the publish path).
     */
    String group(Matcher matcher, String name) {
        return groupNames.contains(name) ? matcher.group(name) : null;
    }
}
