package dev.notary4j.wrapper;

import static dev.notary4j.wrapper.support.PublishedRepositories.APP;
import static dev.notary4j.wrapper.support.PublishedRepositories.V1;
import static dev.notary4j.wrapper.support.PublishedRepositories.V2;
import static dev.notary4j.wrapper.support.WrapperHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.wrapper.support.PublishedRepositories;
import dev.notary4j.wrapper.support.WrapperHarness;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests the kct OPA policies send to notary-wrapper, against a GUN the real {@code notary} CLI published to
 * a Go notary-server: the statuses and fields those policies read, in notary-wrapper's JSON shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyApiContractTest {
    /** The notaryServer value the kct policies hard-code. */
    static final String OPA_SERVER = "notary-server-svc.notary.svc:4443";

    @TempDir
    static Path work;
    private PublishedRepositories repos;
    private WrapperHarness wrapper;

    @BeforeAll
    void start() {
        repos = PublishedRepositories.start(work.resolve("go"));
        ObjectNode config = WrapperHarness.tofuConfig(OPA_SERVER, repos.server().url(), repos.pki().rootCaCert());
        config.put("max_body_bytes", 4096);
        wrapper = WrapperHarness.start(work.resolve("wrapper"), config, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (wrapper != null) {
            wrapper.close();
        }
        if (repos != null) {
            repos.close();
        }
    }

    @Test
    void mutatingPolicyListGetsTheTagsDigestAsBareHex() {
        HttpResponse<String> response = wrapper.post("/list",
                "{\"GUN\":\"" + APP + "\",\"Tag\":\"v1\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"Name\":\"v1\",\"Digest\":\"" + V1 + "\",\"Size\":\"100\",\"Role\":\"targets\"}\n");
        // The digest the Go CLI reports for the same tag.
        String lookup = repos.reader("go-reader").run("lookup", APP, "v1").requireSuccess().stdout();
        assertThat(lookup.trim()).isEqualTo("v1 sha256:" + json(response).get("Digest").asText() + " 100");
    }

    @Test
    void fieldNamesMatchCaseInsensitivelyAsGosDecoderDoes() {
        HttpResponse<String> response = wrapper.post("/list",
                "{\"gun\":\"" + APP + "\",\"tag\":\"v2\",\"NotaryServer\":\"" + OPA_SERVER + "\",\"extra\":1}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("Digest").asText()).isEqualTo(V2);
    }

    @Test
    void listWithoutTagIsEveryTargetAsAnArrayLikeNotaryList() {
        HttpResponse<String> response = wrapper.post("/list", "{\"GUN\":\"" + APP + "\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(response).forEach(e -> names.add(e.get("Name").asText() + " " + e.get("Digest").asText() + " "
                + e.get("Size").asText() + " " + e.get("Role").asText()));
        List<String> cli = repos.reader("go-list").run("list", APP).requireSuccess().stdout().lines().skip(2)
                .map(l -> String.join(" ", l.trim().split("\\s+"))).filter(l -> !l.isEmpty()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(cli).hasSize(2);
    }

    @Test
    void unsignedTagIsNotaryWrappersNotFound() {
        HttpResponse<String> response = wrapper.post("/list",
                "{\"GUN\":\"" + APP + "\",\"Tag\":\"nope\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":404,\"message\":\"SHA not found\"}\n");
        assertThat(json(response).has("Digest")).isFalse();
    }

    @Test
    void validatingPolicyVerifyIs200OnlyForASignedDigest() {
        HttpResponse<String> signed = wrapper.post("/verify",
                "{\"GUN\":\"" + APP + "\",\"SHA\":\"" + V2 + "\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(signed.statusCode()).isEqualTo(200);
        JsonNode entries = json(signed);
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.get(0).get("Name").asText()).isEqualTo("v2");
        HttpResponse<String> prefixed = wrapper.post("/verify",
                "{\"GUN\":\"" + APP + "\",\"SHA\":\"sha256:" + V1 + "\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(prefixed.statusCode()).isEqualTo(200);
        HttpResponse<String> unsigned = wrapper.post("/verify",
                "{\"GUN\":\"" + APP + "\",\"SHA\":\"" + "0".repeat(64) + "\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(unsigned.statusCode()).isEqualTo(404);
        assertThat(unsigned.body()).isEqualTo("{\"code\":404,\"message\":\"SHA not found\"}\n");
    }

    @Test
    void lookupHasThePrefixedDigestAndAnEmptyRole() {
        HttpResponse<String> response = wrapper.post("/lookup",
                "{\"GUN\":\"" + APP + "\",\"Tag\":\"v1\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Name\":\"v1\",\"Digest\":\"sha256:" + V1 + "\",\"Size\":\"100\",\"Role\":\"\"}\n");
    }

    @Test
    void repositoryTheServerDoesNotHaveIsNotaryWrappersCliNotFound() {
        HttpResponse<String> response = wrapper.post("/list",
                "{\"GUN\":\"example.com/missing\",\"Tag\":\"v1\",\"notaryServer\":\"" + OPA_SERVER + "\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("404");
        assertThat(json(response).get("info").asText())
                .isEqualTo("fatal: " + OPA_SERVER + " does not have trust data for example.com/missing");
    }

    @Test
    void notaryServerNotOnTheAllowListIs400() {
        for (String server : List.of("evil.example.com:443", "", "localhost:" + repos.server().port())) {
            HttpResponse<String> response = wrapper.post("/list",
                    "{\"GUN\":\"" + APP + "\",\"Tag\":\"v1\",\"notaryServer\":\"" + server + "\"}");
            assertThat(response.statusCode()).as(server).isEqualTo(400);
            assertThat(json(response).get("message").asText()).contains("is not allowed");
        }
    }

    @Test
    void malformedRequestsAre400AndOversizedBodies413() {
        assertThat(wrapper.post("/list", "not json").statusCode()).isEqualTo(400);
        assertThat(wrapper.post("/list", "{\"GUN\":[\"x\"],\"notaryServer\":\"" + OPA_SERVER + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(wrapper.post("/list", "{\"GUN\":\"--help\",\"Tag\":\"v1\",\"notaryServer\":\"" + OPA_SERVER + "\"}")
                .statusCode()).isEqualTo(400);
        assertThat(wrapper.post("/list", "{\"GUN\":\"" + "a".repeat(5000) + "\"}").statusCode()).isEqualTo(413);
        assertThat(wrapper.postChunked("/list", new byte[64 * 1024]).statusCode()).as("no Content-Length").isEqualTo(413);
    }

    @Test
    void healthAndRouting() {
        HttpResponse<String> health = wrapper.get("/");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("NotaryWrapperVersion").asText()).isEqualTo("0.0.1");
        assertThat(wrapper.get("/list").statusCode()).isEqualTo(405);
        assertThat(wrapper.post("/nope", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void repeatedRequestsAreCacheHitsAndCounted() {
        String body = "{\"GUN\":\"" + APP + "\",\"Tag\":\"v1\",\"notaryServer\":\"" + OPA_SERVER + "\"}";
        wrapper.post("/list", body);
        double hits = wrapper.metric("wrapper_cache_requests_total{result=\"hit\"");
        wrapper.post("/list", body);
        wrapper.post("/list", body);
        assertThat(wrapper.metric("wrapper_cache_requests_total{result=\"hit\"")).isEqualTo(hits + 2);
        assertThat(wrapper.metric("wrapper_decisions_total{endpoint=\"list\",outcome=\"allowed\"")).isGreaterThanOrEqualTo(3);
        assertThat(wrapper.get("/metrics").body()).contains("wrapper_request_seconds").contains("wrapper_refresh_failures_total");
    }
}
