package dev.notary4j.wrapper;

import static dev.notary4j.wrapper.support.PublishedRepositories.AGREED;
import static dev.notary4j.wrapper.support.PublishedRepositories.APP;
import static dev.notary4j.wrapper.support.PublishedRepositories.DELEGATED;
import static dev.notary4j.wrapper.support.PublishedRepositories.RELEASED;
import static dev.notary4j.wrapper.support.PublishedRepositories.V1;
import static dev.notary4j.wrapper.support.WrapperHarness.JSON;
import static dev.notary4j.wrapper.support.WrapperHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.wrapper.support.PublishedRepositories;
import dev.notary4j.wrapper.support.WrapperHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Notation-shaped trust policies against repositories with delegations published by the Go CLI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustPolicyTest {
    @TempDir
    static Path work;
    private PublishedRepositories repos;
    private WrapperHarness wrapper;
    private int runs;

    @BeforeAll
    void start() throws Exception {
        repos = PublishedRepositories.start(work.resolve("go"));
        repos.publishDelegated();
    }

    @AfterEach
    void stopWrapper() {
        if (wrapper != null) {
            wrapper.close();
            wrapper = null;
        }
    }

    @AfterAll
    void stop() {
        if (repos != null) {
            repos.close();
        }
    }

    private static ObjectNode policy(String name, List<String> scopes, String level, List<String> identities) {
        ObjectNode policy = JSON.createObjectNode().put("name", name);
        scopes.forEach(policy.putArray("registryScopes")::add);
        policy.putObject("signatureVerification").put("level", level);
        policy.putArray("trustStores").add("tofu");
        identities.forEach(policy.putArray("trustedIdentities")::add);
        return policy;
    }

    private void start(ObjectNode... policies) throws IOException {
        Path dir = work.resolve("wrapper" + runs++);
        Files.createDirectories(dir);
        ObjectNode document = JSON.createObjectNode().put("version", "1.0");
        ArrayNode list = document.putArray("trustPolicies");
        List.of(policies).forEach(list::add);
        Path file = dir.resolve("trust-policy.json");
        Files.writeString(file, document.toString());
        ObjectNode config = WrapperHarness.tofuConfig("notary:4443", repos.server().url(), repos.pki().rootCaCert());
        config.remove("trust_pinning");
        config.put("trust_policy_file", file.toString());
        wrapper = WrapperHarness.start(dir, config, Clock.systemUTC());
    }

    private JsonNode provide(String... keys) {
        ObjectNode request = JSON.createObjectNode().put("apiVersion", "externaldata.gatekeeper.sh/v1beta1")
                .put("kind", "ProviderRequest");
        List.of(keys).forEach(request.putObject("request").putArray("keys")::add);
        return json(wrapper.post("/provider", request.toString())).at("/response/items");
    }

    @Test
    void requiringReleasesRejectsATagSignedOnlyByTargetsAndTheExactScopeBeatsTheWildcard() throws IOException {
        start(policy("any", List.of("*"), "strict", List.of("*")),
                policy("releases", List.of(DELEGATED), "strict", List.of("targets/releases")));
        JsonNode items = provide(DELEGATED + ":base", DELEGATED + ":rel", APP + ":v1");
        assertThat(items.get(0).get("error").asText()).contains("targets/releases");
        assertThat(items.get(1).get("value").asText()).isEqualTo(DELEGATED + "@sha256:" + RELEASED);
        assertThat(items.get(2).get("value").asText()).isEqualTo(APP + "@sha256:" + V1);
        assertThat(wrapper.metric("wrapper_policy_decisions_total{outcome=\"denied\",policy=\"releases\"")).isEqualTo(1);
        assertThat(wrapper.metric("wrapper_policy_decisions_total{outcome=\"verified\",policy=\"releases\"")).isEqualTo(1);
        assertThat(wrapper.metric("wrapper_policy_decisions_total{outcome=\"verified\",policy=\"any\"")).isEqualTo(1);
    }

    @Test
    void twoRequiredSignersMustAgreeOnOneDigest() throws IOException {
        start(policy("pair", List.of(DELEGATED), "strict", List.of("targets/alice", "targets/bob")));
        JsonNode items = provide(DELEGATED + ":agree", DELEGATED + ":disagree", DELEGATED + ":rel");
        assertThat(items.get(0).get("value").asText()).isEqualTo(DELEGATED + "@sha256:" + AGREED);
        assertThat(items.get(1).get("error").asText()).contains("disagree");
        assertThat(items.get(2).get("error").asText()).contains(DELEGATED + ":rel");
    }

    @Test
    void strictDeniesWhatAuditAllowsAndCounts() throws IOException {
        String unsigned = APP + ":nope";
        start(policy("strict", List.of("*"), "strict", List.of("*")));
        assertThat(provide(unsigned).get(0).get("error").asText()).contains(unsigned);
        wrapper.close();
        wrapper = null;

        start(policy("lenient", List.of("*"), "audit", List.of("*")));
        JsonNode item = provide(unsigned).get(0);
        assertThat(item.has("error")).isFalse();
        assertThat(item.get("value").asText()).isEqualTo(unsigned);
        ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", "u1");
        request.putObject("kind").put("kind", "Pod");
        request.putObject("object").putObject("spec").putArray("containers").addObject().put("image", unsigned);
        JsonNode response = json(wrapper.post("/mutate", review.toString())).get("response");
        assertThat(response.get("allowed").asBoolean()).isTrue();
        assertThat(response.get("warnings").get(0).asText()).contains("audit").contains(unsigned);
        assertThat(wrapper.metric("wrapper_policy_decisions_total{outcome=\"audited\",policy=\"lenient\"")).isEqualTo(2);
    }

    @Test
    void noMatchingPolicyDenies() throws IOException {
        start(policy("only-delegated", List.of(DELEGATED), "strict", List.of("*")));
        assertThat(provide(APP + ":v1").get(0).get("error").asText()).contains("no trust policy");
    }
}
