package dev.notary4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Targets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GUN published the way the notary CLI's {@code publish} talks to the server, without a CLI process: the
 * repository has a server-managed snapshot ({@code notary key rotate GUN snapshot -r}); each {@link #publish} GETs
 * root.json, timestamp.json, the snapshot and the targets by checksum, then POSTs the next targets.json (one more
 * target, signed with the local ECDSA targets key) and the server makes snapshot and timestamp through its signer.
 * The client verifies nothing it downloads: it is a load generator, the servers are what is measured.
 */
final class WirePublisher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "bench-boundary";
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final byte[] PAYLOAD = "notary4j benchmark payload\n".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http;
    private final String base;
    private final TufPrivateKey targetsKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    private Targets targets;

    private WirePublisher(HttpClient http, String serverUrl, String gun) {
        this.http = http;
        this.base = serverUrl + "/v2/" + gun + "/_trust/tuf/";
    }

    /** Creates the repository as {@code notary init} + {@code key rotate snapshot -r} + {@code publish} would. */
    static WirePublisher init(HttpClient http, String serverUrl, String gun) throws IOException, InterruptedException {
        WirePublisher publisher = new WirePublisher(http, serverUrl, gun);
        publisher.createRepository(gun);
        return publisher;
    }

    private void createRepository(String gun) throws IOException, InterruptedException {
        Instant now = Instant.now();
        OffsetDateTime tenYears = now.plus(Duration.ofDays(3650)).atOffset(ZoneOffset.UTC);
        TufPrivateKey rootKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey rootCertificate = Certificates.generateRootCertificate(rootKey, gun, now, now.plus(Duration.ofDays(3650)));
        TufKey snapshotKey = serverKey("snapshot");
        TufKey timestampKey = serverKey("timestamp");
        Map<String, TufKey> keys = new LinkedHashMap<>();
        for (TufKey key : List.of(rootCertificate, targetsKey.publicKey(), snapshotKey, timestampKey)) {
            keys.put(key.id(), key);
        }
        Map<String, Role> roles = Map.of(
                "root", new Role(List.of(rootCertificate.id()), 1),
                "targets", new Role(List.of(targetsKey.id()), 1),
                "snapshot", new Role(List.of(snapshotKey.id()), 1),
                "timestamp", new Role(List.of(timestampKey.id()), 1));
        byte[] root = sign(new Root(tenYears, 1, keys, roles, false), MetadataSigner.of(rootKey, rootCertificate.id()));
        targets = Targets.empty(now.plus(Duration.ofDays(3 * 365)).atOffset(ZoneOffset.UTC), 1);
        post(Map.of("root", root, "targets", sign(targets, MetadataSigner.of(targetsKey))));
    }

    /** One publish of one more target, as the CLI does it on the wire. */
    void publish(String targetName) throws IOException, InterruptedException {
        get("root.json");
        JsonNode timestamp = signed(get("timestamp.json"));
        String snapshotSha = sha256Of(timestamp, "snapshot");
        JsonNode snapshot = signed(get("snapshot." + snapshotSha + ".json"));
        get("targets." + sha256Of(snapshot, "targets") + ".json");
        targets = targets.withVersion(targets.version() + 1).withTarget(targetName, FileMeta.of(PAYLOAD));
        post(Map.of("targets", sign(targets, MetadataSigner.of(targetsKey))));
    }

    private TufKey serverKey(String role) throws IOException, InterruptedException {
        JsonNode key = JSON.readTree(get(role + ".key"));
        return new TufKey(key.get("keytype").asText(),
                Base64.getDecoder().decode(key.get("keyval").get("public").asText()));
    }

    private static JsonNode signed(byte[] file) throws IOException {
        return JSON.readTree(file).get("signed");
    }

    private static String sha256Of(JsonNode listing, String role) {
        String base64 = listing.get("meta").get(role).get("hashes").get("sha256").asText();
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    private static byte[] sign(SignedBody body, MetadataSigner signer) {
        return SignedMetadata.sign(body, List.of(signer)).raw();
    }

    private byte[] get(String file) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + file)).timeout(TIMEOUT).GET().build());
    }

    /** The multipart body of notary's {@code httpstore.SetMulti}: one {@code files} part per role. */
    private void post(Map<String, byte[]> files) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((role, data) -> {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + role + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(data);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        send(HttpRequest.newBuilder(URI.create(base)).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
