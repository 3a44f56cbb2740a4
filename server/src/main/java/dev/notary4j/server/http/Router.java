package dev.notary4j.server.http;

import dev.notary4j.tuf.model.GoPath;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Request dispatch with gorilla/mux's observable behaviour (spec §2): unclean paths are redirected (301), methods the
 * catch-all does not accept are 405, and a listed method no specific route accepts reaches the catch-all 404.
 */
final class Router {

    /** The methods of the Go catch-all route; anything else is 405 on every path. */
    static final Set<String> ROUTED_METHODS = Set.of("GET", "POST", "PUT", "HEAD", "DELETE");

    private Router() {
    }

    /** The outcome of routing one request. */
    sealed interface Decision permits Matched, Redirect, MethodNotAllowed {
    }

    record Matched(RouteMatch match) implements Decision {
    }

    /** 301 to {@code location} (the cleaned path, query kept). */
    record Redirect(String location) implements Decision {
    }

    record MethodNotAllowed() implements Decision {
    }

    /** {@code decodedPath} is the percent-decoded path; {@code rawQuery} may be null. */
    static Decision route(String method, String decodedPath, String rawPath, String rawQuery) {
        String cleaned = clean(decodedPath);
        if (!cleaned.equals(decodedPath)) {
            String location = clean(rawPath) + (rawQuery == null ? "" : "?" + rawQuery);
            return new Redirect(location);
        }
        if (!ROUTED_METHODS.contains(method)) {
            return new MethodNotAllowed();
        }
        for (Route route : Route.values()) {
            if (route.method() != null && !route.method().equals(method)) {
                continue;
            }
            Matcher matcher = route.pattern().matcher(decodedPath);
            if (matcher.matches()) {
                return new Matched(RouteMatch.of(route, matcher));
            }
        }
        return new Matched(new RouteMatch(Route.NOT_FOUND, null, null, null, null));
    }

    /** gorilla/mux's cleanPath: Go's path.Clean, keeping a trailing slash. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        String absolute = path.startsWith("/") ? path : "/" + path;
        String cleaned = GoPath.clean(absolute);
        return absolute.endsWith("/") && !cleaned.equals("/") ? cleaned + "/" : cleaned;
    }

    static Optional<String> percentDecode(String rawPath) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(rawPath.length());
        byte[] bytes = rawPath.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            if (i + 2 >= bytes.length) {
                return Optional.empty();
            }
            int high = Character.digit(bytes[i + 1], 16);
            int low = Character.digit(bytes[i + 2], 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            out.write(high * 16 + low);
            i += 2;
        }
        return Optional.of(out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
