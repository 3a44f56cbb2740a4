package dev.notary4j.client.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches {@code <server>/v2/<GUN>/_trust/tuf/<name>.json} with notary's status mapping and size limits, answering
 * one 401 challenge per request with {@link TokenAuthenticator}. {@code timeout} bounds each whole exchange, body
 * included.
 */
public final class HttpMetadataFetcher implements MetadataFetcher {
    /** notary reads at most this much of an error body. */
    private static final int MAX_ERROR_BODY = 1024;

    private final AuthorizingSender sender;

    public HttpMetadataFetcher(HttpClient http, URI server, String gun, TokenAuthenticator auth, Duration timeout) {
        this.sender = new AuthorizingSender(http, server, gun, "pull", auth, timeout, MAX_ERROR_BODY);
    }

    @Override
    public byte[] fetch(String name, long maxBytes) throws FetchException {
        URI uri;
        try {
            uri = URI.create(sender.base() + name + ".json");
        } catch (IllegalArgumentException e) {
            throw new NetworkException(name, e);
        }
        HttpResponse<CappedBody> response = sender.send(name, maxBytes, () -> HttpRequest.newBuilder(uri).GET());
        return switch (response.statusCode()) {
            case 200 -> CappedBody.okBody(name, response, maxBytes);
            case 404 -> throw new MetadataNotFoundException(name);
            case 400 -> throw new BadRequestException(name,
                    new String(response.body().bytes(), StandardCharsets.UTF_8).strip());
            case 401 -> throw new UnauthorizedException(name, "");
            default -> throw new ServerUnavailableException(name, response.statusCode());
        };
    }
}
