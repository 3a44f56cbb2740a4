package dev.notary4j.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends requests for one GUN's {@code _trust/tuf/} tree with the token cached for a scope, answers one 401
 * challenge with {@link TokenAuthenticator} and sends again; bodies are read under {@link CappedBody}'s limits.
 * Shared by the reading ({@link HttpMetadataFetcher}) and the writing ({@link RepositoryWriter}) side.
 */
final class AuthorizingSender {
    private final HttpClient http;
    private final String base;
    private final String scope;
    private final TokenAuthenticator auth;
    private final Duration timeout;
    private final int maxErrorBody;

    /** @param actions the token scope's actions for the GUN, e.g. {@code pull} or {@code push,pull} */
    AuthorizingSender(HttpClient http, URI server, String gun, String actions, TokenAuthenticator auth,
            Duration timeout, int maxErrorBody) {
        this.http = http;
        String root = server.toString();
        // notary concatenates the GUN into the path without escaping it.
        this.base = (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/v2/" + gun + "/_trust/tuf/";
        this.scope = "repository:" + gun + ":" + actions;
        this.auth = auth;
        this.timeout = timeout;
        this.maxErrorBody = maxErrorBody;
    }

    /** {@code <server>/v2/<GUN>/_trust/tuf/}. */
    String base() {
        return base;
    }

    /**
     * @param request a fresh builder per attempt (a request body may be consumed once); the timeout is set here
     * @param name    what is fetched or sent, for errors
     */
    HttpResponse<CappedBody> send(String name, long okLimit, Supplier<HttpRequest.Builder> request)
            throws FetchException {
        HttpResponse<CappedBody> response = send(name, okLimit, request, auth.cachedAuthorization(scope));
        if (response.statusCode() != 401) {
            return response;
        }
        Optional<AuthChallenge> challenge = AuthChallenge.parse(
                response.headers().firstValue("WWW-Authenticate").orElse(null));
        if (challenge.isEmpty()) {
            throw new UnauthorizedException(name, "");
        }
        return send(name, okLimit, request, Optional.of(auth.authorize(name, challenge.get(), scope)));
    }

    private HttpResponse<CappedBody> send(String name, long okLimit, Supplier<HttpRequest.Builder> request,
            Optional<String> authorization) throws FetchException {
        HttpRequest.Builder builder = request.get().timeout(timeout);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return CappedBody.exchange(http, builder.build(), name, okLimit, maxErrorBody, timeout);
    }
}
