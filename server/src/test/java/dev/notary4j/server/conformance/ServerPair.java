package dev.notary4j.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.json.TufJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Go notary-server 0.7 (the oracle) and ours side by side, both on memory storage and both signing through the
 * same Go notary-signer, so that one root (listing keys that signer holds) is valid on both and every upload can be
 * sent byte for byte to each.
 */
final class ServerPair implements AutoCloseable {

    /** Our cap on one metadata file (Go has none): small enough for a test to exceed cheaply. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private final GoNotarySigner signer;
    private final GoNotaryServer goServer;
    private final TestServer ourServer;
    private final Side go;
    private final Side ours;

    private ServerPair(GoNotarySigner signer, GoNotaryServer goServer, TestServer ourServer, HttpClient client) {
        this.signer = signer;
        this.goServer = goServer;
        this.ourServer = ourServer;
        this.go = new Side("Go", goServer.url(), client);
        this.ours = new Side("ours", ourServer.url(), client);
    }

    static ServerPair start(Path dir) {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        GoNotarySigner signer = GoNotarySigner.builder(pki, dir.resolve("signer")).logLevel("error").start();
        GoNotaryServer goServer = null;
        try {
            goServer = GoNotaryServer.builder(pki, dir.resolve("go-server")).remoteSigner(signer).logLevel("error")
                    .start();
            TestServer ourServer = TestServer.start(pki, config -> {
                ((ObjectNode) config.get("server")).put("max_file_bytes", MAX_FILE_BYTES)
                        .put("max_upload_bytes", 16 * MAX_FILE_BYTES);
                config.putObject("trust_service").put("type", "remote").put("hostname", signer.host())
                        .put("port", String.valueOf(signer.port())).put("key_algorithm", "ecdsa")
                        .put("tls_ca_file", pki.rootCaCert().toString())
                        .put("tls_client_cert", pki.signerClientCert().toString())
                        .put("tls_client_key", pki.signerClientKey().toString());
            });
            HttpClient client = HttpClient.newBuilder().sslContext(pki.clientSslContext())
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            return new ServerPair(signer, goServer, ourServer, client);
        } catch (RuntimeException e) {
            if (goServer != null) {
                goServer.close();
            }
            signer.close();
            throw e;
        }
    }

    Side go() {
        return go;
    }

    Side ours() {
        return ours;
    }

    /**
     * A key the shared signer holds for {@code gun} and {@code role} (timestamp or snapshot), asked of the Go server:
     * both servers can then sign with it.
     */
    TufKey serverKey(String gun, String role) {
        Answer answer = go.send("GET", "/v2/" + gun + "/_trust/tuf/" + role + ".key");
        if (answer.status() != 200) {
            throw new IllegalStateException("no " + role + " key for " + gun + ": " + answer);
        }
        JsonNode key = TufJson.parse(answer.body().getBytes(StandardCharsets.UTF_8));
        return new TufKey(key.get("keytype").asText(), Base64.getDecoder().decode(key.at("/keyval/public").asText()));
    }

    @Override
    public void close() {
        ourServer.close();
        goServer.close();
        signer.close();
    }

    /** One of the two servers. */
    record Side(String name, String url, HttpClient client) {

        Answer upload(String gun, Upload upload) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v2/" + gun + "/_trust/tuf/"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body()));
            if (upload.contentType() != null) {
                request.header("Content-Type", upload.contentType());
            }
            return Answer.of(request, client);
        }

        Answer send(String method, String path) {
            return Answer.of(HttpRequest.newBuilder(URI.create(url + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()), client);
        }

        /**
         * What this server stores for {@code gun}, as clients see it: the answers to GET of every role in
         * {@code roles} and of the GUN's changefeed.
         */
        Map<String, Answer> storage(String gun, Collection<String> roles) {
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (String role : roles) {
                String path = "/v2/" + gun + "/_trust/tuf/" + role + ".json";
                answers.put(path, send("GET", path));
            }
            String feed = "/v2/" + gun + "/_trust/changefeed?records=1000";
            answers.put(feed, send("GET", feed));
            return answers;
        }
    }

    /** Status and body of a response; status 0 when the server closed the connection without answering. */
    record Answer(int status, String body) {
        private static final ObjectMapper JSON = new ObjectMapper();

        static Answer of(HttpRequest.Builder request, HttpClient client) {
            try {
                HttpResponse<String> response = TestServer.send(client, request);
                return new Answer(response.statusCode(), response.body());
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof java.io.IOException) {
                    return new Answer(0, "connection closed: " + e.getCause().getMessage());
                }
                throw e;
            }
        }

        boolean closed() {
            return status == 0;
        }

        /** The body as JSON (an error envelope), or null when it is empty or not JSON. */
        JsonNode json() {
            if (body.isEmpty() || closed()) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }
}
