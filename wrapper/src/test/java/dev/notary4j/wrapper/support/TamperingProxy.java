package dev.notary4j.wrapper.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A plain-HTTP loopback front of a real notary server that can rewrite the metadata it passes on: a test stands
 * between the wrapper and the Go server to serve tampered, rolled-back or replaced files.
 */
public final class TamperingProxy implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient upstream;
    private final String upstreamUrl;
    /** Metadata name (e.g. {@code timestamp}, {@code targets}; consistent names match by prefix) to a rewrite. */
    public final Map<String, UnaryOperator<byte[]>> rewrites = new ConcurrentHashMap<>();
    /** While set, every request is answered 503, as a notary-server behind a failing load balancer. */
    public volatile boolean down;
    /** The metadata names requested, in order (e.g. {@code timestamp}, {@code snapshot.<hex>}). */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public TamperingProxy(String upstreamUrl, SSLContext tls) throws IOException {
        this.upstreamUrl = upstreamUrl;
        this.upstream = HttpClient.newBuilder().sslContext(tls).build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long count(String name) {
        return requests.stream().filter(r -> r.equals(name) || r.startsWith(name + ".")).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        int tuf = path.indexOf("/_trust/tuf/");
        String name = tuf < 0 ? "" : path.substring(tuf + "/_trust/tuf/".length()).replaceFirst("\\.json$", "");
        requests.add(name);
        if (down) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(HttpRequest.newBuilder(URI.create(upstreamUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
            return;
        }
        byte[] body = response.body();
        if (response.statusCode() == 200) {
            for (Map.Entry<String, UnaryOperator<byte[]>> rewrite : rewrites.entrySet()) {
                if (name.equals(rewrite.getKey()) || name.startsWith(rewrite.getKey() + ".")) {
                    body = rewrite.getValue().apply(body);
                }
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
