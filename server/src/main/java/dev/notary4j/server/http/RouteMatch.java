package dev.notary4j.server.http;

import java.util.regex.Matcher;

/** The route a request matched and its path variables (null when the route has none). */
record RouteMatch(Route route, String gun, String role, String checksum, String version) {

    static RouteMatch of(Route route, Matcher matcher) {
        return new RouteMatch(route, route.group(matcher, "gun"), route.group(matcher, "role"),
                route.group(matcher, "checksum"), route.group(matcher, "version"));
    }
}
