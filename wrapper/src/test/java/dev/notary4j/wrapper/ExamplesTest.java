package dev.notary4j.wrapper;

import static dev.notary4j.wrapper.support.PublishedRepositories.APP;
import static dev.notary4j.wrapper.support.PublishedRepositories.V1;
import static dev.notary4j.wrapper.support.WrapperHarness.JSON;
import static dev.notary4j.wrapper.support.WrapperHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.notary4j.wrapper.gatekeeper.ProviderApi;
import dev.notary4j.wrapper.support.PublishedRepositories;
import dev.notary4j.wrapper.support.WrapperHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples under {@code examples/} parse, and the paths, request fields and response fields they use are the
 * wrapper's: each is exercised against a running wrapper in front of a Go notary-server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    static Path work;
    private PublishedRepositories repos;
    private WrapperHarness wrapper;

    @BeforeAll
    void start() throws IOException {
        repos = PublishedRepositories.start(work.resolve("go"));
        String notaryServer = match(Files.readString(EXAMPLES.resolve("opa/mutating.rego")),
                "notary_server := \"([^\"]+)\"").get(0);
        ObjectNode config = WrapperHarness.tofuConfig(notaryServer, repos.server().url(), repos.pki().rootCaCert());
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

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).readValues(EXAMPLES.resolve(file).toFile())) {
            while (it.hasNext()) {
                docs.add((JsonNode) it.next());
            }
        }
        return docs;
    }

    private static List<String> match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private String providerName() throws IOException {
        return documents("gatekeeper/provider.yaml").get(0).at("/metadata/name").asText();
    }

    @Test
    void providerResourcePointsAtTheProviderEndpoint() throws IOException {
        JsonNode provider = documents("gatekeeper/provider.yaml").get(0);
        assertThat(provider.get("apiVersion").asText()).isEqualTo(ProviderApi.API_VERSION);
        assertThat(provider.get("kind").asText()).isEqualTo("Provider");
        URI url = URI.create(provider.at("/spec/url").asText());
        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getPort()).isEqualTo(4445);
        assertThat(provider.at("/spec/timeout").asInt()).isBetween(1, 10);

        ObjectNode request = JSON.createObjectNode().put("apiVersion", provider.get("apiVersion").asText())
                .put("kind", "ProviderRequest");
        request.putObject("request").putArray("keys").add(APP + ":v1");
        JsonNode response = json(wrapper.post(url.getPath(), request.toString()));
        assertThat(response.get("kind").asText()).isEqualTo("ProviderResponse");
        assertThat(response.at("/response/items/0/value").asText()).isEqualTo(APP + "@sha256:" + V1);
    }

    @Test
    void mutationsUseTheProviderOnImageFields() throws IOException {
        List<JsonNode> assigns = documents("gatekeeper/assign-image-digest.yaml");
        assertThat(assigns).hasSize(2);
        for (JsonNode assign : assigns) {
            assertThat(assign.get("apiVersion").asText()).isEqualTo("mutations.gatekeeper.sh/v1");
            assertThat(assign.get("kind").asText()).isEqualTo("Assign");
            assertThat(assign.at("/spec/location").asText()).matches("spec\\.(containers|initContainers)\\[name:\\*\\]\\.image");
            JsonNode external = assign.at("/spec/parameters/assign/externalData");
            assertThat(external.get("provider").asText()).isEqualTo(providerName());
            assertThat(external.get("dataSource").asText()).isEqualTo("ValueAtLocation");
            assertThat(external.get("failurePolicy").asText()).isEqualTo("Fail");
        }
    }

    @Test
    void constraintTemplateCallsTheProviderAndReadsGatekeepersResponseFields() throws IOException {
        List<JsonNode> docs = documents("gatekeeper/constraint-template.yaml");
        JsonNode template = docs.get(0);
        assertThat(template.get("kind").asText()).isEqualTo("ConstraintTemplate");
        String kind = template.at("/spec/crd/spec/names/kind").asText();
        assertThat(kind.toLowerCase()).isEqualTo(template.at("/metadata/name").asText());
        assertThat(docs.get(1).get("kind").asText()).isEqualTo(kind);
        String rego = template.at("/spec/targets/0/rego").asText();
        assertThat(match(rego, "(?m)^package (\\S+)$")).containsExactly(template.at("/metadata/name").asText());
        assertThat(match(rego, "external_data\\(\\{\"provider\": \"([^\"]+)\"")).containsOnly(providerName());
        assertThat(rego).contains("response.system_error").contains("response.errors");
        assertBalanced(rego);
    }

    @Test
    void opaPoliciesSendTheFieldsTheWrapperReadsAndReadWhatItAnswers() throws IOException {
        String mutating = Files.readString(EXAMPLES.resolve("opa/mutating.rego"));
        assertBalanced(mutating);
        String listPath = URI.create(match(mutating, "wrapper_url := \"([^\"]+)\"").get(0)).getPath();
        List<String> fields = match(mutating, "\"(\\w+)\": (?:gun|tag|notary_server)");
        assertThat(fields).containsExactly("GUN", "Tag", "notaryServer");
        String notaryServer = match(mutating, "notary_server := \"([^\"]+)\"").get(0);
        HttpResponse<String> listed = wrapper.post(listPath, JSON.createObjectNode().put(fields.get(0), APP)
                .put(fields.get(1), "v1").put(fields.get(2), notaryServer).toString());
        assertThat(listed.statusCode()).isEqualTo(200);
        String readField = match(mutating, "output\\.body\\.(\\w+)").get(0);
        assertThat(json(listed).get(readField).asText()).isEqualTo(V1);

        String validating = Files.readString(EXAMPLES.resolve("opa/validating.rego"));
        assertBalanced(validating);
        String verifyPath = URI.create(match(validating, "wrapper_url := \"([^\"]+)\"").get(0)).getPath();
        List<String> verifyFields = match(validating, "\"(\\w+)\": (?:parts\\[0\\]|parts\\[1\\]|notary_server)");
        assertThat(verifyFields).containsExactly("GUN", "SHA", "notaryServer");
        HttpResponse<String> verified = wrapper.post(verifyPath, JSON.createObjectNode().put("GUN", APP)
                .put("SHA", V1).put("notaryServer", notaryServer).toString());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(validating).contains("output.status_code != 200");
    }

    /** No OPA binary here: a structural check that brackets, braces and parentheses pair up outside strings. */
    private static void assertBalanced(String rego) {
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < rego.length(); i++) {
            char c = rego.charAt(i);
            if (c == '"' && (i == 0 || rego.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == '#') {
                i = rego.indexOf('\n', i) < 0 ? rego.length() : rego.indexOf('\n', i);
            } else if (!inString && "({[".indexOf(c) >= 0) {
                open.append(c);
            } else if (!inString && ")}]".indexOf(c) >= 0) {
                assertThat(open).as("unbalanced %s at %d", c, i).isNotEmpty();
                assertThat(open.charAt(open.length() - 1)).isEqualTo("({[".charAt(")}]".indexOf(c)));
                open.setLength(open.length() - 1);
            }
        }
        assertThat(open).as("unclosed brackets").isEmpty();
        assertThat(rego).containsPattern("(?m)^package [a-z0-9_.]+$");
    }
}
