package dev.notary4j.wrapper.metrics;

import dev.notary4j.wrapper.trust.RepositoryCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The wrapper's Prometheus metrics: decisions, latency, cache use, refresh failures, policy outcomes. */
public final class WrapperMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<RepositoryCache.Outcome, Counter> cache = new EnumMap<>(RepositoryCache.Outcome.class);
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    public WrapperMetrics() {
        for (RepositoryCache.Outcome outcome : RepositoryCache.Outcome.values()) {
            cache.put(outcome, outcome == RepositoryCache.Outcome.FAILURE
                    ? Counter.builder("wrapper_refresh_failures").description("Trust data updates that failed")
                            .register(registry)
                    : Counter.builder("wrapper_cache_requests").tag("result", outcome.name().toLowerCase())
                            .description("Repository look-ups by cache result").register(registry));
        }
    }

    public void cache(RepositoryCache.Outcome outcome) {
        cache.get(outcome).increment();
    }

    /** One answered request: {@code outcome} is {@code allowed}, {@code denied} or the error kind. */
    public void decision(String endpoint, String outcome, Duration latency) {
        // Meters are looked up once per label set: the registry's own lookup costs more than the cached answer.
        decisions.computeIfAbsent(endpoint + " " + outcome,
                k -> registry.counter("wrapper_decisions", "endpoint", endpoint, "outcome", outcome)).increment();
        latencies.computeIfAbsent(endpoint, k -> Timer.builder("wrapper_request_seconds").tag("endpoint", endpoint)
                .publishPercentiles(0.5, 0.99).register(registry)).record(latency);
    }

    /** One image judged under a trust policy: {@code outcome} is {@code verified}, {@code denied} or {@code audited}. */
    public void policyDecision(String policy, String outcome) {
        registry.counter("wrapper_policy_decisions", "policy", policy, "outcome", outcome).increment();
    }

    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        registry.close();
    }
}
