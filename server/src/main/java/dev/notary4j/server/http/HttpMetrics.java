package dev.notary4j.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code /metrics}: per-operation request counts, durations and sizes under the Go server's metric names
 * ({@code notary_server_http_*}, labels code/method/operation, method lower-case), plus JVM and process metrics.
 */
final class HttpMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final Map<String, OperationMeters> byOperation = new ConcurrentHashMap<>();

    HttpMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
    }

    void record(String operation, String method, int status, long requestBytes, long responseBytes, long nanos) {
        if (operation.isEmpty()) {
            return;
        }
        OperationMeters meters = byOperation.computeIfAbsent(operation, this::operationMeters);
        meters.requests.computeIfAbsent(status + " " + method, key -> Counter.builder("notary_server_http_requests")
                .description("Total number of HTTP requests made.")
                .tags("code", Integer.toString(status), "method", method.toLowerCase(Locale.ROOT),
                        "operation", operation)
                .register(registry)).increment();
        meters.duration.record(nanos, TimeUnit.NANOSECONDS);
        meters.requestSize.record(requestBytes);
        meters.responseSize.record(responseBytes);
    }

    private OperationMeters operationMeters(String operation) {
        return new OperationMeters(new ConcurrentHashMap<>(),
                Timer.builder("notary_server_http_request_duration").description("The HTTP request latencies.")
                        .tag("operation", operation).publishPercentiles(0.5, 0.9, 0.99).register(registry),
                DistributionSummary.builder("notary_server_http_request_size_bytes").tag("operation", operation)
                        .register(registry),
                DistributionSummary.builder("notary_server_http_response_size_bytes").tag("operation", operation)
                        .register(registry));
    }

    /**
     * One operation's meters, looked up once: building and registering them per request (tags sorted, ids hashed)
     * cost more than recording.
     */
    private record OperationMeters(Map<String, Counter> requests, Timer duration, DistributionSummary requestSize,
                                   DistributionSummary responseSize) {
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
