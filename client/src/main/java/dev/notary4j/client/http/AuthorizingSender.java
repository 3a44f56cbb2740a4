package dev.notary4j.client.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a request to the notary server with a cached token for its scope, answers one 401 challenge with
 * {@link TokenAuthenticator} and sends it again; bodies are read under {@link CappedBody}'s limits.
 */
final class AuthorizingSender {
    /** notary reads at most this much of an error body. */
    static final int MAX_ERROR_BODY = 1024;

    private final HttpClient http;
    private final TokenAuthenticator auth;
    private final Duration timeout;

    AuthorizingSender(HttpClient http, TokenAuthenticator auth, Duration timeout) {
        this.http = http;
        this.auth = auth;
        this.timeout = timeout;
    }

    /**
     * @param request a fresh builder for each attempt (a request body publisher may be consumed once)
     * @param name    what is fetched or sent, for errors
     */
    HttpResponse<CappedBody> send(Supplier<HttpRequest.Builder> request, String name, String scope, long okLimit)
            throws FetchException {
        HttpResponse<CappedBody> response = send(request, name, okLimit, auth.cachedAuthorization(scope));
        if (response.statusCode() != 401) {
            return response;
        }
        Optional<AuthChallenge> challenge = AuthChallenge.parse(
                response.headers().firstValue("WWW-Authenticate").orElse(null));
        if (challenge.isEmpty()) {
            throw new UnauthorizedException(name, "");
        }
        return send(request, name, okLimit, Optional.of(auth.authorize(name, challenge.get(), scope)));
    }

    private HttpResponse<CappedBody> send(Supplier<HttpRequest.Builder> request, String name, long okLimit,
            Optional<String> authorization) throws FetchException {
        HttpRequest.Builder builder = request.get().timeout(timeout);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return CappedBody.exchange(http, builder.build(), name, okLimit, MAX_ERROR_BODY, timeout);
    }
}
