package dev.notary4j.server.http;

import java.util.regex.Matcher;

/** The route a request matched and its path variables (null when the route has none). */
record RouteMatch(Route route, String gun, String role, String checksum, String version) {

    static RouteMatch of(Route route, Matcher matcher) {
        return new RouteMatch(route, group(matcher, "gun"), group(matcher, "role"), group(matcher, "checksum"),
                group(matcher, "version"));
    }

    private static String group(Matcher matcher, String name) {
        try {
            return matcher.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
