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
    private final AuthorizingSender sender;
    private final String base;
    private final String scope;

    public HttpMetadataFetcher(HttpClient http, URI server, String gun, TokenAuthenticator auth, Duration timeout) {
        this.sender = new AuthorizingSender(http, auth, timeout);
        this.base = repositoryBase(server, gun);
        this.scope = "repository:" + gun + ":pull";
    }

    /** {@code <server>/v2/<GUN>/_trust/tuf/}: notary concatenates the GUN into the path without escaping it. */
    static String repositoryBase(URI server, String gun) {
        String root = server.toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/v2/" + gun + "/_trust/tuf/";
    }

    @Override
    public byte[] fetch(String name, long maxBytes) throws FetchException {
        URI uri;
        try {
            uri = URI.create(base + name + ".json");
        } catch (IllegalArgumentException e) {
            throw new NetworkException(name, e);
        }
        HttpResponse<CappedBody> response = sender.send(() -> HttpRequest.newBuilder(uri).GET(), name, scope, maxBytes);
        return CappedBody.notaryBody(name, response, maxBytes);
    }
}
