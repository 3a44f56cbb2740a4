package dev.notary4j.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /_notary_server/health} (spec §4.2): named checks run periodically off the event loop; the endpoint answers
 * the last results (healthy until the first run, as docker/distribution's health package does).
 */
final class HealthChecks {

    /** A check throws with a message when unhealthy. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private final Map<String, Check> checks;
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    HealthChecks(Map<String, Check> checks) {
        this.checks = new LinkedHashMap<>(checks);
    }

    /** Runs every check once (blocking). */
    void runAll() {
        checks.forEach((name, check) -> {
            try {
                check.run();
                failures.remove(name);
            } catch (Exception e) {
                failures.put(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
    }

    boolean healthy() {
        return failures.isEmpty();
    }

    /** {@code {}} when healthy, else check name to error message. */
    String body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        new java.util.TreeMap<>(failures).forEach(body::put);
        return Responses.goJson(body);
    }
}
