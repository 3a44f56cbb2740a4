package dev.notary4j.client.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server that serves a {@link TestRepository}'s files (or tampered ones) the way notary-server does. */
public final class RepoServer implements AutoCloseable {
    private final HttpServer server;
    private final String prefix;
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Names whose response is an endless body. */
    public final List<String> endless = new CopyOnWriteArrayList<>();

    public RepoServer(String gun) throws IOException {
        this.prefix = "/v2/" + gun + "/_trust/tuf/";
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String remoteName() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves exactly the repository's current files. */
    public void serve(TestRepository repo) {
        files.clear();
        files.putAll(repo.files);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(prefix) || !path.endsWith(".json")) {
            reply(exchange, 404, new byte[0]);
            return;
        }
        String name = path.substring(prefix.length(), path.length() - ".json".length());
        requests.add(name);
        if (endless.contains(name)) {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                return;
            }
        }
        byte[] body = files.get(name);
        reply(exchange, body == null ? 404 : 200, body == null ? new byte[0] : body);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
