package dev.notary4j.wrapper;

import static dev.notary4j.wrapper.support.PublishedRepositories.APP;
import static dev.notary4j.wrapper.support.PublishedRepositories.V1;
import static dev.notary4j.wrapper.support.PublishedRepositories.V2;
import static dev.notary4j.wrapper.support.WrapperHarness.JSON;
import static dev.notary4j.wrapper.support.WrapperHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.testkit.FreePorts;
import dev.notary4j.wrapper.support.PublishedRepositories;
import dev.notary4j.wrapper.support.TamperingProxy;
import dev.notary4j.wrapper.support.WrapperHarness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Gatekeeper's ProviderRequest: every kind of key answered in one ProviderResponse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatekeeperProviderTest {
    private static final String TAMPERED = "example.org/app";
    private static final String UNREACHABLE = "unreachable.example/app";

    @TempDir
    static Path work;
    private PublishedRepositories repos;
    private TamperingProxy proxy;
    private WrapperHarness wrapper;

    @BeforeAll
    void start() throws Exception {
        repos = PublishedRepositories.start(work.resolve("go"));
        repos.publishSimple(TAMPERED);
        proxy = new TamperingProxy(repos.server().url(), repos.pki().clientSslContext());
        proxy.rewrites.put("targets", bytes -> new String(bytes, StandardCharsets.UTF_8).replace("\"length\":100", "\"length\":101")
                .getBytes(StandardCharsets.UTF_8));
        ObjectNode config = WrapperHarness.tofuConfig("notary:4443", repos.server().url(), repos.pki().rootCaCert());
        ArrayNode servers = (ArrayNode) config.get("notary_servers");
        servers.addObject().put("name", "tampering:1").put("url", proxy.url());
        servers.addObject().put("name", "down:1").put("url", "http://127.0.0.1:" + FreePorts.pick());
        ObjectNode admission = config.putObject("admission").put("notary_server", "notary:4443");
        admission.putObject("notary_servers_by_prefix").put("example.org/", "tampering:1").put("unreachable.example/", "down:1");
        wrapper = WrapperHarness.start(work.resolve("wrapper"), config, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (wrapper != null) {
            wrapper.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (repos != null) {
            repos.close();
        }
    }

    private JsonNode provide(List<String> keys) {
        ObjectNode request = JSON.createObjectNode().put("apiVersion", "externaldata.gatekeeper.sh/v1beta1")
                .put("kind", "ProviderRequest");
        ArrayNode array = request.putObject("request").putArray("keys");
        keys.forEach(array::add);
        HttpResponse<String> response = wrapper.post("/provider", request.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("apiVersion").asText()).isEqualTo("externaldata.gatekeeper.sh/v1beta1");
        assertThat(body.get("kind").asText()).isEqualTo("ProviderResponse");
        return body.get("response");
    }

    @Test
    void everyKindOfKeyInOneResponse() {
        String signedTag = APP + ":v1";
        String signedDigest = APP + "@sha256:" + V2;
        String unsignedTag = APP + ":nope";
        String tampered = TAMPERED + ":v1";
        String unreachable = UNREACHABLE + ":v1";
        JsonNode response = provide(List.of(signedTag, signedDigest, unsignedTag, tampered, unreachable));
        assertThat(response.get("systemError").asText()).isEmpty();
        JsonNode items = response.get("items");
        assertThat(items).hasSize(5);
        assertThat(items.get(0).get("key").asText()).isEqualTo(signedTag);
        assertThat(items.get(0).get("value").asText()).isEqualTo(APP + "@sha256:" + V1);
        assertThat(items.get(0).has("error")).isFalse();
        assertThat(items.get(1).get("value").asText()).isEqualTo(signedDigest);
        assertThat(items.get(2).has("value")).isFalse();
        assertThat(items.get(2).get("error").asText()).contains(unsignedTag).contains("nope");
        assertThat(items.get(3).has("value")).isFalse();
        assertThat(items.get(3).get("error").asText()).contains(tampered);
        assertThat(items.get(4).has("value")).isFalse();
        assertThat(items.get(4).get("error").asText()).contains(unreachable).contains("offline");
        assertThat(proxy.count("targets")).isPositive();
    }

    @Test
    void unusableRequestsAreSystemErrors() {
        HttpResponse<String> response = wrapper.post("/provider", "{\"kind\":\"ProviderRequest\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/response/systemError").asText()).contains("ProviderRequest");
        assertThat(json(response).at("/response/items")).isEmpty();
    }
}
