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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The write side of notary's HTTP store, with the {@code push,pull} scope: fetching the server-held
 * timestamp/snapshot public key ({@code GET <gun>/_trust/tuf/<role>.key}, which creates it on first use) and
 * uploading metadata in one multipart {@code POST <gun>/_trust/tuf/} (field {@code files}, file name = role).
 */
public final class RepositoryWriter {
    private static final int MAX_KEY_RESPONSE = 64 * 1024;
    private static final int MAX_ERROR_BODY = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthorizingSender sender;

    public RepositoryWriter(HttpClient http, URI server, String gun, TokenAuthenticator auth, Duration timeout) {
        this.sender = new AuthorizingSender(http, server, gun, "push,pull", auth, timeout, MAX_ERROR_BODY);
    }

    /** The public key the server holds for {@code role} ({@code timestamp} or {@code snapshot}). */
    public TufKey serverKey(String role) {
        String name = role + ".key";
        HttpResponse<CappedBody> response = sender.send(name, MAX_KEY_RESPONSE,
                () -> HttpRequest.newBuilder(URI.create(sender.base() + name)).GET());
        if (response.statusCode() != 200) {
            throw rejected(name, response);
        }
        try {
            JsonNode key = JSON.readTree(CappedBody.okBody(name, response, MAX_KEY_RESPONSE));
            return new TufKey(key.path("keytype").asText(),
                    Base64.getDecoder().decode(key.path("keyval").path("public").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UploadRejectedException(name, 200, "unreadable key: " + e.getMessage());
        }
    }

    /** Uploads {@code files} (role name to exact file bytes) as one update; notary's all-or-nothing publish. */
    public void upload(Map<String, byte[]> files) {
        byte[] boundaryBytes = new byte[30];
        RANDOM.nextBytes(boundaryBytes);
        String boundary = HexFormat.of().formatHex(boundaryBytes);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((role, bytes) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + role
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] payload = body.toByteArray();
        HttpResponse<CappedBody> response = sender.send("metadata", 0, () -> HttpRequest.newBuilder(URI.create(sender.base()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)));
        if (response.statusCode() != 200) {
            throw rejected("the update", response);
        }
    }

    private static UploadRejectedException rejected(String what, HttpResponse<CappedBody> response) {
        return new UploadRejectedException(what, response.statusCode(),
                new String(response.body().bytes(), StandardCharsets.UTF_8).strip());
    }
}
