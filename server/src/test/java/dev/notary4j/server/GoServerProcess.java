package dev.notary4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.testkit.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Go notary-server 0.7 over plain HTTP with memory storage and its local trust service, configured with the same
 * config tweaks as our {@link TestServer}: the oracle for configuration-dependent behaviour (GUN prefixes, caching).
 */
public final class GoServerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;
    private final Path log;

    private GoServerProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    public static GoServerProcess start(Path dir, Consumer<ObjectNode> tweak) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = FreePorts.pick();
        ObjectNode config = JSON.createObjectNode();
        config.putObject("server").put("http_addr", "127.0.0.1:" + port);
        config.putObject("trust_service").put("type", "local");
        config.putObject("storage").put("backend", "memory");
        config.putObject("logging").put("level", "error");
        tweak.accept(config);
        Path configFile = dir.resolve("go-server.json");
        JSON.writeValue(configFile.toFile(), config);
        Path log = dir.resolve("go-server.log");
        Process process;
        try {
            process = new ProcessBuilder("notary-server", "-config", configFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("the Go notary-server binary is required (Debian package notary): "
                    + e.getMessage(), e);
        }
        GoServerProcess server = new GoServerProcess(process, "http://127.0.0.1:" + port, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("notary-server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("notary-server did not become ready: " + Files.readString(log));
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
