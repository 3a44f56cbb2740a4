package dev.notary4j.wrapper;

import dev.notary4j.wrapper.admission.AdmissionApi;
import dev.notary4j.wrapper.admission.ImageDecider;
import dev.notary4j.wrapper.api.LegacyApi;
import dev.notary4j.wrapper.config.WrapperSettings;
import dev.notary4j.wrapper.gatekeeper.ProviderApi;
import dev.notary4j.wrapper.http.Reply;
import dev.notary4j.wrapper.http.WrapperServer;
import dev.notary4j.wrapper.metrics.WrapperMetrics;
import dev.notary4j.wrapper.trust.TrustService;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The running wrapper: trust service, APIs and listener wired from settings; the clock is injectable for tests. */
public final class Wrapper implements AutoCloseable {
    /** Trust data updates block on the network; a small pool keeps them off the event loop and bounded. */
    private static final int REFRESH_THREADS = 8;
    /** Updates waiting for a thread; beyond this a request fails closed at once instead of piling up. */
    private static final int REFRESH_QUEUE = 1000;

    private final ExecutorService refreshPool;
    private final WrapperMetrics metrics;
    private final WrapperServer server;

    private Wrapper(ExecutorService refreshPool, WrapperMetrics metrics, WrapperServer server) {
        this.refreshPool = refreshPool;
        this.metrics = metrics;
        this.server = server;
    }

    public static Wrapper start(WrapperSettings settings, Clock clock) {
        ExecutorService pool = new ThreadPoolExecutor(REFRESH_THREADS, REFRESH_THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(REFRESH_QUEUE), r -> {
                    Thread t = new Thread(r, "trust-refresh");
                    t.setDaemon(true);
                    return t;
                });
        WrapperMetrics metrics = new WrapperMetrics();
        TrustService trust = new TrustService(settings, clock, pool, metrics::cache);
        LegacyApi legacy = new LegacyApi(trust, settings.failureStatus());
        ImageDecider decider = new ImageDecider(trust, settings.policies(), settings.admission(), metrics);
        AdmissionApi admission = new AdmissionApi(decider);
        ProviderApi provider = new ProviderApi(decider);
        Map<String, Function<byte[], CompletableFuture<Reply>>> routes = Map.of(
                "/list", legacy::list,
                "/verify", legacy::verify,
                "/lookup", legacy::lookup,
                "/mutate", admission::mutate,
                "/validate", admission::validate,
                "/provider", provider::resolve);
        try {
            return new Wrapper(pool, metrics, WrapperServer.start(settings.listen(), settings.maxBodyBytes(), routes, metrics));
        } catch (RuntimeException e) {
            pool.shutdownNow();
            metrics.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        refreshPool.shutdownNow();
        try {
            refreshPool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
    }
}
