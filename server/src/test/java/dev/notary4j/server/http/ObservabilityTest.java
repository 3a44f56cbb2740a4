package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.TestPki;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics (Prometheus, Go metric names) and the health check results. */
class ObservabilityTest {

    @Test
    void metricsCountRequestsPerOperationCodeAndLowerCaseMethod(@TempDir Path dir) {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki)) {
            server.get("/v2/metrics/app/_trust/tuf/root.json");
            server.get("/v2/metrics/app/_trust/tuf/root.json");
            server.send("DELETE", "/v2/metrics/app/_trust/tuf/", null, null);
            HttpResponse<String> metrics = server.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("notary_server_http_requests_total{code=\"404\",method=\"get\",operation=\"GetRole\"} 2.0")
                    .contains("notary_server_http_requests_total{code=\"200\",method=\"delete\",operation=\"DeleteTUF\"} 1.0")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void healthReportsEachFailingCheckByName() {
        Map<String, HealthChecks.Check> checks = new LinkedHashMap<>();
        boolean[] trustDown = {false};
        checks.put("DB operational", () -> { });
        checks.put("Trust operational", () -> {
            if (trustDown[0]) {
                throw new IllegalStateException("Trust is not healthy");
            }
        });
        HealthChecks health = new HealthChecks(checks);
        assertThat(health.healthy()).as("healthy before the first run").isTrue();
        health.runAll();
        assertThat(health.body()).isEqualTo("{}");
        trustDown[0] = true;
        health.runAll();
        assertThat(health.healthy()).isFalse();
        assertThat(health.body()).isEqualTo("{\"Trust operational\":\"Trust is not healthy\"}");
        trustDown[0] = false;
        health.runAll();
        assertThat(health.healthy()).isTrue();
    }
}
