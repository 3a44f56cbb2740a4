package dev.notary4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.common.db.Database;
import dev.notary4j.server.config.ServerSettings;
import dev.notary4j.server.config.TrustServiceSettings;
import dev.notary4j.server.http.NotaryServer;
import dev.notary4j.server.trust.LocalTrustService;
import dev.notary4j.server.trust.RemoteTrustService;
import dev.notary4j.server.trust.TrustService;
import dev.notary4j.server.validation.NotaryUpdateValidator;
import dev.notary4j.testkit.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/** Our notary-server on a free loopback port, configured through a notary JSON config as an operator would. */
public final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotaryServer server;
    private final String url;
    private final HttpClient client;
    private final SSLContext sslContext;

    private TestServer(NotaryServer server, String url, HttpClient client, SSLContext sslContext) {
        this.server = server;
        this.url = url;
        this.client = client;
        this.sslContext = sslContext;
    }

    /** HTTPS with the PKI's server certificate, memory storage, local trust service; {@code tweak} edits the config. */
    public static TestServer start(TestPki pki, Consumer<ObjectNode> tweak) {
        return start(pki, tweak, Clock.systemUTC());
    }

    /** As {@link #start(TestPki, Consumer)} with the server's clock (expiry decisions, generated times). */
    public static TestServer start(TestPki pki, Consumer<ObjectNode> tweak, Clock clock) {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode server = config.putObject("server");
        server.put("http_addr", "127.0.0.1:0");
        server.put("tls_cert_file", pki.serverCert().toString());
        server.put("tls_key_file", pki.serverKey().toString());
        config.putObject("trust_service").put("type", "local");
        config.putObject("storage").put("backend", "memory");
        config.putObject("logging").put("level", "error");
        tweak.accept(config);
        ServerSettings settings;
        try {
            settings = ServerSettings.from(NotaryConfig.parse(JSON.writeValueAsBytes(config), pki.dir(),
                    "NOTARY_SERVER_", Map.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        boolean remote = settings.trustService().type() == TrustServiceSettings.Type.REMOTE;
        TrustService trust = remote ? RemoteTrustService.connect(settings.trustService()) : new LocalTrustService();
        NotaryServer notary = NotaryServer.start(settings, Database.open(settings.storage()), trust, remote,
                new NotaryUpdateValidator(), clock);
        HttpClient client = HttpClient.newBuilder().sslContext(pki.clientSslContext())
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String scheme = settings.tlsCert().isPresent() ? "https" : "http";
        return new TestServer(notary, scheme + "://localhost:" + notary.port(), client, pki.clientSslContext());
    }

    public static TestServer start(TestPki pki) {
        return start(pki, config -> { });
    }

    /** Trusts the PKI's root CA (for clients of this server and of Go servers on the same PKI). */
    public SSLContext sslContext() {
        return sslContext;
    }

    public String url() {
        return url;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
    }

    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(client, request);
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
