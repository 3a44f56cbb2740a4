package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Meters are created once per operation (and status and method) and then only recorded into. */
class HttpMetricsTest {

    @Test
    void repeatedRequestsAccumulateInOneSeriesPerStatusAndMethod() {
        try (HttpMetrics metrics = new HttpMetrics()) {
            metrics.record("GetRole", "GET", 200, 0, 100, 1_000_000);
            metrics.record("GetRole", "GET", 200, 0, 300, 3_000_000);
            metrics.record("GetRole", "GET", 404, 0, 10, 1_000_000);
            metrics.record("", "GET", 200, 0, 10, 1_000_000);
            String scrape = metrics.scrape();
            assertThat(scrape)
                    .contains("notary_server_http_requests_total{code=\"200\",method=\"get\",operation=\"GetRole\"} 2.0")
                    .contains("notary_server_http_requests_total{code=\"404\",method=\"get\",operation=\"GetRole\"} 1.0")
                    .contains("notary_server_http_response_size_bytes_count{operation=\"GetRole\"} 3")
                    .contains("notary_server_http_response_size_bytes_sum{operation=\"GetRole\"} 410.0")
                    .contains("notary_server_http_request_duration_seconds_count{operation=\"GetRole\"} 3");
            assertThat(scrape).doesNotContain("operation=\"\"");
        }
    }
}
