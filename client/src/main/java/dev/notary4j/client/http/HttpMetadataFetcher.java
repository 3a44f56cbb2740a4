package dev.notary4j.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches {@code <server>/v2/<GUN>/_trust/tuf/<name>.json} with notary's status mapping and size limits, answering
 * one 401 challenge per request with {@link TokenAuthenticator}. {@code timeout} bounds each whole exchange, body
 * included.
 */
public final class HttpMetadataFetcher implements MetadataFetcher {
    /** notary reads at most this much of an error body. */
    private static final int MAX_ERROR_BODY = 1024;

    private final HttpClient http;
    private final String base;
    private final String scope;
    private final TokenAuthenticator auth;
    private final Duration timeout;

    public HttpMetadataFetcher(HttpClient http, URI server, String gun, TokenAuthenticator auth, Duration timeout) {
        this.http = http;
        String root = server.toString();
        // notary concatenates the GUN into the path without escaping it.
        this.base = (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/v2/" + gun + "/_trust/tuf/";
        this.scope = "repository:" + gun + ":pull";
        this.auth = auth;
        this.timeout = timeout;
    }

    @Override
    public byte[] fetch(String name, long maxBytes) throws FetchException {
        URI uri;
        try {
            uri = URI.create(base + name + ".json");
        } catch (IllegalArgumentException e) {
            throw new NetworkException(name, e);
        }
        HttpResponse<CappedBody> response = send(name, uri, maxBytes, auth.cachedAuthorization(scope));
        if (response.statusCode() == 401) {
            Optional<AuthChallenge> challenge = AuthChallenge.parse(
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
            if (challenge.isEmpty()) {
                throw new UnauthorizedException(name, "");
            }
            response = send(name, uri, maxBytes, Optional.of(auth.authorize(name, challenge.get(), scope)));
        }
        return switch (response.statusCode()) {
            case 200 -> CappedBody.okBody(name, response, maxBytes);
            case 404 -> throw new MetadataNotFoundException(name);
            case 400 -> throw new BadRequestException(name,
                    new String(response.body().bytes(), StandardCharsets.UTF_8).strip());
            case 401 -> throw new UnauthorizedException(name, "");
            default -> throw new ServerUnavailableException(name, response.statusCode());
        };
    }

    private HttpResponse<CappedBody> send(String name, URI uri, long maxBytes, Optional<String> authorization)
            throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        return CappedBody.exchange(http, request.build(), name, maxBytes, MAX_ERROR_BODY, timeout);
    }
}
