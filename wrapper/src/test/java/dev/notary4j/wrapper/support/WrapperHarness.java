package dev.notary4j.wrapper.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.wrapper.Wrapper;
import dev.notary4j.wrapper.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A wrapper started from a configuration file written by the test, on a free loopback port, plus an HTTP client. */
public final class WrapperHarness implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final Wrapper wrapper;
    private final HttpClient http = HttpClient.newHttpClient();

    private WrapperHarness(Wrapper wrapper) {
        this.wrapper = wrapper;
    }

    /** Writes {@code config} (trust_dir and server.http_addr filled in when absent) and starts a wrapper on it. */
    public static WrapperHarness start(Path dir, ObjectNode config, Clock clock) {
        try {
            Files.createDirectories(dir);
            if (!config.has("trust_dir")) {
                config.put("trust_dir", dir.resolve("trust").toString());
            }
            ObjectNode server = config.has("server") ? (ObjectNode) config.get("server") : config.putObject("server");
            if (!server.has("http_addr")) {
                server.put("http_addr", "127.0.0.1:0");
            }
            Path file = dir.resolve("wrapper.json");
            Files.writeString(file, config.toPrettyString());
            return new WrapperHarness(Wrapper.start(SettingsLoader.load(file, Map.of()), clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration allowing {@code name} → {@code url} with {@code caFile}, TOFU on, default policy. */
    public static ObjectNode tofuConfig(String name, String url, Path caFile) {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode server = config.putArray("notary_servers").addObject();
        server.put("name", name).put("url", url);
        if (caFile != null) {
            server.put("root_ca", caFile.toString());
        }
        config.putObject("trust_pinning").put("tofu", true);
        return config;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + wrapper.port() + path);
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A POST whose body is streamed without a Content-Length (chunked). */
    public HttpResponse<String> postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a Prometheus sample line starting with {@code prefix} (0 when absent). */
    public double metric(String prefix) {
        return get("/metrics").body().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        wrapper.close();
    }
}
