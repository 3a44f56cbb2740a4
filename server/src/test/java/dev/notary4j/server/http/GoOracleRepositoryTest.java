package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.GoServerProcess;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers about a repository the notary CLI published (client-held snapshot key), with the Go notary-server as
 * oracle: re-sign and re-upload attempts (server cannot sign a snapshot, stale versions), key routes, delete. Each
 * server gets its own repository, so files are re-uploaded to the server they came from.
 */
class GoOracleRepositoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUN = "example.com/oracle/app";
    private static final String BOUNDARY = "xYzZy";
    private static final Consumer<ObjectNode> PLAIN_HTTP =
            config -> ((ObjectNode) config.get("server")).remove(List.of("tls_cert_file", "tls_key_file"));

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void publishedRepositoryAnswersAsGo(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (GoServerProcess go = GoServerProcess.start(dir.resolve("go"), PLAIN_HTTP);
             TestServer ours = TestServer.start(pki, PLAIN_HTTP)) {
            for (String url : List.of(go.url(), ours.url())) {
                NotaryCli cli = NotaryCli.forServer(dir.resolve("trust-" + url.hashCode()), url, pki.rootCaCert())
                        .withPassphrase("oracle-passphrase");
                cli.run("init", GUN).requireSuccess();
                cli.run("publish", GUN).requireSuccess();
            }
            String base = "/v2/" + GUN + "/_trust/tuf/";
            Map<String, Map<String, byte[]>> uploads = new LinkedHashMap<>();
            uploads.put("re-sign without files", Map.of());
            uploads.put("stored root again", Map.of("root", new byte[0]));
            uploads.put("stored targets again", Map.of("targets", new byte[0]));
            uploads.put("stored root and snapshot again", Map.of("root", new byte[0], "snapshot", new byte[0]));
            for (Map.Entry<String, Map<String, byte[]>> upload : uploads.entrySet()) {
                HttpResponse<String> expected = post(go.url(), base, upload.getValue());
                HttpResponse<String> actual = post(ours.url(), base, upload.getValue());
                assertThat(actual.statusCode()).as(upload.getKey()).isEqualTo(expected.statusCode());
                assertThat(actual.body()).as(upload.getKey()).isEqualTo(expected.body());
            }

            for (String url : List.of(go.url(), ours.url())) {
                // The server returns the timestamp key the root lists (it holds it), with Go's field order.
                JsonNode root = JSON.readTree(send(url, "GET", base + "root.json").body()).get("signed");
                HttpResponse<String> key = send(url, "GET", base + "timestamp.key");
                assertThat(key.statusCode()).as(url).isEqualTo(200);
                assertThat(key.body()).as(url).matches("\\{\"keytype\":\"ed25519\",\"keyval\":\\{\"public\":\"[A-Za-z0-9+/=]+\","
                        + "\"private\":null}}");
                JsonNode keyJson = JSON.readTree(key.body());
                assertThat(root.at("/roles/timestamp/keyids/0").asText()).as(url)
                        .isEqualTo(keyId(keyJson.get("keytype").asText(), keyJson.at("/keyval/public").asText()));
                assertThat(Base64.getDecoder().decode(keyJson.at("/keyval/public").asText())).hasSize(32);
            }

            for (String[] call : new String[][] {{"GET", base + "0.root.json"}, {"GET", base + "2.root.json"},
                    {"DELETE", base}, {"GET", base + "root.json"}, {"GET", base + "timestamp.json"},
                    {"GET", base + "snapshot.json"}, {"GET", base + "1.root.json"}}) {
                HttpResponse<String> expected = send(go.url(), call[0], call[1]);
                HttpResponse<String> actual = send(ours.url(), call[0], call[1]);
                assertThat(actual.statusCode()).as(call[0] + " " + call[1]).isEqualTo(expected.statusCode());
                assertThat(actual.body()).as(call[0] + " " + call[1]).isEqualTo(expected.body());
            }
        }
    }

    /** {@code files} maps role to bytes; empty bytes mean "the file this server currently serves for the role". */
    private HttpResponse<String> post(String url, String base, Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] data = file.getValue().length > 0 ? file.getValue()
                    : send(url, "GET", base + file.getKey() + ".json").body().getBytes(StandardCharsets.UTF_8);
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(data);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return TestServer.send(client, HttpRequest.newBuilder(URI.create(url + base))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(String url, String method, String path) {
        return TestServer.send(client, HttpRequest.newBuilder(URI.create(url + path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Spec §12 T5: SHA-256 of the canonical key JSON, {@code "private":null} included. */
    private static String keyId(String keyType, String publicB64) throws Exception {
        String canonical = "{\"keytype\":\"" + keyType + "\",\"keyval\":{\"private\":null,\"public\":\"" + publicB64 + "\"}}";
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
