package dev.notary4j.server.http;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.tls.PemFiles;
import dev.notary4j.server.auth.TokenAuthenticator;
import dev.notary4j.server.config.ServerSettings;
import dev.notary4j.server.signing.KeyService;
import dev.notary4j.server.signing.ServerManagedMetadata;
import dev.notary4j.server.signing.ServerMetadataGenerator;
import dev.notary4j.server.storage.CurrentMetadata;
import dev.notary4j.server.storage.JooqMetaStore;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.cache.ReadCache;
import dev.notary4j.server.trust.TrustService;
import dev.notary4j.server.update.UpdateService;
import dev.notary4j.server.update.UpdateValidator;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.TrustOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running notary-server: the HTTP(S) listener of {@code server.http_addr} over a {@link MetaStore} and a
 * {@link TrustService}. {@link #start} binds; {@link #close} stops the listener, then the trust service and database.
 */
public final class NotaryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotaryServer.class);
    private static final long HEALTH_INTERVAL_MS = 10_000;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** Docker's tlsconfig.ServerDefault suites, plus the TLS 1.3 suites Go also negotiates. */
    private static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");

    private final Vertx vertx;
    private final HttpServer httpServer;
    private final HttpMetrics metrics;
    private final TrustService trust;
    private final Database database;
    private final long healthTimer;
    private final ReadCache cache;

    private NotaryServer(Vertx vertx, HttpServer httpServer, HttpMetrics metrics, TrustService trust,
                         Database database, long healthTimer, ReadCache cache) {
        this.vertx = vertx;
        this.httpServer = httpServer;
        this.metrics = metrics;
        this.trust = trust;
        this.database = database;
        this.healthTimer = healthTimer;
        this.cache = cache;
    }

    /**
     * Starts the server. It owns {@code database} and {@code trust} from here on (closes them on {@link #close}).
     * {@code remoteTrust} adds the "Trust operational" health check, as Go does only for a remote signer.
     */
    public static NotaryServer start(ServerSettings settings, Database database, TrustService trust,
                                     boolean remoteTrust, UpdateValidator validator, Clock clock) {
        Optional<TokenAuthenticator> auth = settings.tokenAuth()
                .map(options -> TokenAuthenticator.create(options, clock));
        ReadCache cache = ReadCache.open(new JooqMetaStore(database.dsl(), clock), database, settings.currentMaxAge());
        MetaStore store = cache.store();
        MetaStore freshReads = cache.store().freshReads();  // validation and key lookups must see what is stored now
        ServerMetadataGenerator generator = new ServerMetadataGenerator(trust);
        MetadataReads reads = new MetadataReads(store, new CurrentMetadata(store),
                new ServerManagedMetadata(store, generator, clock));
        NotaryApi api = new NotaryApi(store, reads,
                new KeyService(trust, new CurrentMetadata(freshReads), settings.trustService().keyAlgorithm()),
                new UpdateService(freshReads, validator, generator, clock), settings.uploadLimits());
        Map<String, HealthChecks.Check> checks = new LinkedHashMap<>();
        checks.put("DB operational", store::checkHealth);
        if (remoteTrust) {
            checks.put("Trust operational", trust::checkHealth);
        }
        HealthChecks health = new HealthChecks(checks);
        HttpMetrics metrics = new HttpMetrics();
        // Linux epoll where its native library loads (NIO otherwise): each new connection costs the acceptor
        // about a quarter less CPU than with NIO, and every notary CLI process opens several.
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        HttpFrontend frontend = new HttpFrontend(vertx, api, reads.memoryOnly(cache.store().memoryOnly()), health,
                metrics, settings.gunPrefixes(),
                settings.uploadLimits(), settings.currentMaxAge(), settings.consistentMaxAge(),
                auth);
        HttpServer httpServer = vertx.createHttpServer(options(settings)).requestHandler(frontend::handle);
        try {
            httpServer.listen(settings.port(), settings.host()).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            metrics.close();
            cache.close();
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        long timer = vertx.setPeriodic(HEALTH_INTERVAL_MS, id -> vertx.executeBlocking(() -> {
            health.runAll();
            return null;
        }, false));
        LOG.info("notary-server listening on {}:{} ({})", settings.host(), httpServer.actualPort(),
                settings.tlsCert().isEmpty() ? "http"
                        : OpenSSLEngineOptions.isAvailable() ? "https, OpenSSL" : "https, JDK TLS");
        settings.tokenAuth().ifPresentOrElse(
                options -> LOG.info("token authentication: service \"{}\", issuer \"{}\"", options.service(),
                        options.issuer()),
                () -> LOG.warn("no authentication: auth.type is not \"token\", every request is allowed"));
        return new NotaryServer(vertx, httpServer, metrics, trust, database, timer, cache);
    }

    private static HttpServerOptions options(ServerSettings settings) {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false)
                // notary has no WebSocket routes; with these on, every connection gets an extension handler that
                // inspects every request.
                .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
                .setIdleTimeout(settings.idleTimeoutSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
                // Bearer tokens carrying an x5c chain run to several KiB; Go accepts up to 1 MiB of headers.
                .setMaxHeaderSize(MAX_HEADER_BYTES);
        if (settings.tlsCert().isPresent()) {
            KeyManagerFactory keyManagers = PemFiles.keyManagers(settings.tlsCert().get(),
                    settings.tlsKey().orElseThrow());
            if (OpenSSLEngineOptions.isAvailable()) {
                // BoringSSL encrypts the small metadata responses with far less overhead than the JDK's SSLEngine.
                options.setSslEngineOptions(new OpenSSLEngineOptions());
                // Without the cache BoringSSL is handed the key and chain anew in every handshake (the key
                // re-encoded and parsed each time): about a third of a handshake's CPU.
                keyManagers = new OpenSslCachingX509KeyManagerFactory(keyManagers);
            }
            options.setSsl(true)
                    .setKeyCertOptions(KeyCertOptions.wrap(keyManagers))
                    .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
            CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
            settings.clientCa().ifPresent(ca -> options
                    .setTrustOptions(TrustOptions.wrap(PemFiles.trustManagers(ca)))
                    .setClientAuth(ClientAuth.REQUIRED));
        }
        return options;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return httpServer.actualPort();
    }

    @Override
    public void close() {
        vertx.cancelTimer(healthTimer);
        try {
            httpServer.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP listener did not stop cleanly: {}", e.getMessage());
        }
        metrics.close();
        trust.close();
        cache.close();
        database.close();
    }
}
