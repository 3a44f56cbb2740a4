package dev.notary4j.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches {@code <server>/v2/<GUN>/_trust/tuf/<name>.json} with notary's status mapping and size limits, answering
 * one 401 challenge per request with {@link TokenAuthenticator}.
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
        HttpResponse<InputStream> response = send(name, uri, auth.cachedAuthorization(scope));
        if (response.statusCode() == 401) {
            Optional<AuthChallenge> challenge = AuthChallenge.parse(
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
            CappedBody.prefix(response, 0);
            if (challenge.isEmpty()) {
                throw new UnauthorizedException(name, "");
            }
            response = send(name, uri, Optional.of(auth.authorize(name, challenge.get(), scope)));
        }
        int status = response.statusCode();
        try {
            switch (status) {
                case 200:
                    return CappedBody.read(name, response, maxBytes);
                case 404:
                    CappedBody.prefix(response, 0);
                    throw new MetadataNotFoundException(name);
                case 400:
                    throw new BadRequestException(name, CappedBody.prefix(response, MAX_ERROR_BODY));
                case 401:
                    CappedBody.prefix(response, 0);
                    throw new UnauthorizedException(name, "");
                default:
                    CappedBody.prefix(response, 0);
                    throw new ServerUnavailableException(name, status);
            }
        } catch (IOException e) {
            throw new NetworkException(name, e);
        }
    }

    private HttpResponse<InputStream> send(String name, URI uri, Optional<String> authorization) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new NetworkException(name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(name, e);
        }
    }
}
