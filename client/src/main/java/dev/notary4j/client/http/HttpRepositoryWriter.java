package dev.notary4j.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.tuf.crypto.TufKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The write side of notary's API for one GUN: the server-held keys ({@code <role>.key}, created on first request)
 * and the atomic multipart update, with the push scope for token authentication.
 */
public final class HttpRepositoryWriter {
    private static final long MAX_KEY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthorizingSender sender;
    private final String base;
    private final String scope;

    public HttpRepositoryWriter(HttpClient http, URI server, String gun, TokenAuthenticator auth, Duration timeout) {
        this.sender = new AuthorizingSender(http, auth, timeout);
        this.base = HttpMetadataFetcher.repositoryBase(server, gun);
        this.scope = "repository:" + gun + ":push,pull";
    }

    /** The public key the server holds for {@code role} (timestamp or snapshot), created if it has none. */
    public TufKey serverKey(String role) throws FetchException {
        String name = role + ".key";
        HttpResponse<CappedBody> response = sender.send(() -> HttpRequest.newBuilder(URI.create(base + name)).GET(),
                name, scope, MAX_KEY_BYTES);
        byte[] body = CappedBody.notaryBody(name, response, MAX_KEY_BYTES);
        try {
            JsonNode key = JSON.readTree(body);
            return new TufKey(key.path("keytype").asText(),
                    Base64.getDecoder().decode(key.path("keyval").path("public").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new NetworkException(name, new IOException("unreadable key from the server: " + e.getMessage()));
        }
    }

    /** Uploads {@code files} (role name to exact bytes) as one atomic update. */
    public void publish(Map<String, byte[]> files) throws FetchException {
        String boundary = UUID.randomUUID().toString();
        byte[] body = multipart(boundary, files);
        HttpResponse<CappedBody> response = sender.send(() -> HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "publish", scope, MAX_KEY_BYTES);
        CappedBody.notaryBody("publish", response, MAX_KEY_BYTES);
    }

    private static byte[] multipart(String boundary, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

}
