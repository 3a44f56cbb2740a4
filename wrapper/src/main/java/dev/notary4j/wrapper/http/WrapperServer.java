package dev.notary4j.wrapper.http;

import dev.notary4j.wrapper.config.ListenSettings;
import dev.notary4j.wrapper.metrics.WrapperMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) front: notary-wrapper's routes plus admission, Gatekeeper, health and metrics. Bodies are capped;
 * handlers answer from memory on the event loop when the trust data is cached and from the refresh pool otherwise.
 */
public final class WrapperServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WrapperServer.class);
    public static final String VERSION = "0.0.1";
    /** Forward-secret AEAD suites only (notary-wrapper allowed static-RSA and CBC-SHA1 suites). */
    private static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final Vertx vertx;
    private final HttpServer server;

    private WrapperServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static WrapperServer start(ListenSettings listen, int maxBodyBytes, Map<String, Function<byte[],
            CompletableFuture<Reply>>> postRoutes, WrapperMetrics metrics) {
        Vertx vertx = Vertx.vertx();
        Router router = new Router(postRoutes, metrics, maxBodyBytes);
        HttpServer server = vertx.createHttpServer(options(listen)).requestHandler(router::handle);
        try {
            server.listen(listen.port(), listen.host()).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on " + listen.host() + ":" + listen.port() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("notary-wrapper listening on {}:{} ({})", listen.host(), server.actualPort(),
                listen.tlsCert().isPresent() ? "https" : "http");
        return new WrapperServer(vertx, server);
    }

    private static HttpServerOptions options(ListenSettings listen) {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false);
        if (listen.tlsCert().isPresent()) {
            options.setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(listen.tlsCert().get().toString())
                            .setKeyPath(listen.tlsKey().orElseThrow().toString()))
                    .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
            CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
            listen.clientCa().ifPresent(ca -> options
                    .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
                    .setClientAuth(ClientAuth.REQUIRED));
        }
        return options;
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            server.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("listener did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Dispatch, body cap and metrics. */
    private record Router(Map<String, Function<byte[], CompletableFuture<Reply>>> postRoutes, WrapperMetrics metrics,
            int maxBodyBytes) {
        void handle(HttpServerRequest request) {
            long started = System.nanoTime();
            String path = request.path();
            if (path.equals("/")) {
                respond(request, Reply.json(200, "{\"NotaryWrapperVersion\":\"" + VERSION
                        + "\",\"GitCommit\":\"notary4j\",\"runtimeVersion\":\"java" + Runtime.version().feature() + "\"}",
                        "health"), "health", started);
                return;
            }
            if (path.equals("/metrics") && request.method() == HttpMethod.GET) {
                respond(request, new Reply(200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape().getBytes(StandardCharsets.UTF_8), "metrics"), null, started);
                return;
            }
            Function<byte[], CompletableFuture<Reply>> handler = postRoutes.get(path);
            if (handler == null) {
                respond(request, Reply.text(404, "404 page not found\n"), null, started);
                return;
            }
            if (request.method() != HttpMethod.POST) {
                respond(request, Reply.text(405, ""), null, started);
                return;
            }
            String endpoint = path.substring(1);
            String declared = request.getHeader("Content-Length");
            if (declared != null && (!declared.matches("\\d{1,18}") || Long.parseLong(declared) > maxBodyBytes)) {
                tooLarge(request, endpoint, started);
                return;
            }
            Buffer body = Buffer.buffer();
            Context context = Vertx.currentContext();
            request.handler(chunk -> {
                if (body.length() + chunk.length() > maxBodyBytes) {
                    request.handler(null);
                    tooLarge(request, endpoint, started);
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.endHandler(end -> {
                if (request.response().ended() || request.response().headWritten()) {
                    return;
                }
                CompletableFuture<Reply> reply;
                try {
                    reply = handler.apply(body.getBytes());
                } catch (RuntimeException e) {
                    LOG.error("{} failed", path, e);
                    reply = CompletableFuture.completedFuture(Reply.json(500,
                            "{\"code\":\"500\",\"info\":\"internal server error\"}", "error"));
                }
                reply.whenComplete((answer, error) -> {
                    Reply out = error == null ? answer : Reply.json(500,
                            "{\"code\":\"500\",\"info\":\"internal server error\"}", "error");
                    if (error != null) {
                        LOG.error("{} failed", path, error);
                    }
                    if (Vertx.currentContext() == context) {
                        respond(request, out, endpoint, started);
                    } else {
                        context.runOnContext(v -> respond(request, out, endpoint, started));
                    }
                });
            });
        }

        /**
         * Answers 413 without reading the rest. HTTP/1.1 cannot skip the unread body, so that connection is closed
         * once the answer is sent; an HTTP/2 stream just ends, other streams on the connection carry on.
         */
        private void tooLarge(HttpServerRequest request, String endpoint, long started) {
            Future<Void> sent = respond(request, Reply.json(413, "{\"code\":413,\"message\":\"request body larger than "
                    + maxBodyBytes + " bytes\"}", "too_large"), endpoint, started);
            if (request.version() != HttpVersion.HTTP_2) {
                sent.onComplete(done -> request.connection().close());
            }
        }

        private Future<Void> respond(HttpServerRequest request, Reply reply, String endpoint, long started) {
            if (request.response().ended()) {
                return Future.succeededFuture();
            }
            Future<Void> sent = request.response().setStatusCode(reply.status())
                    .putHeader("Content-Type", reply.contentType()).end(Buffer.buffer(reply.body()));
            if (endpoint != null) {
                metrics.decision(endpoint, reply.outcome(), Duration.ofNanos(System.nanoTime() - started));
            }
            return sent;
        }
    }
}
