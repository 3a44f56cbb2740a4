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
import dev.notary4j.wrapper.support.PublishedRepositories;
import dev.notary4j.wrapper.support.WrapperHarness;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code /mutate} and {@code /validate} AdmissionReviews for workloads using a GUN published by the Go CLI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionReviewTest {
    @TempDir
    static Path work;
    private PublishedRepositories repos;
    private WrapperHarness wrapper;

    @BeforeAll
    void start() {
        repos = PublishedRepositories.start(work.resolve("go"));
        wrapper = WrapperHarness.start(work.resolve("wrapper"), WrapperHarness.tofuConfig("notary:4443",
                repos.server().url(), repos.pki().rootCaCert()), Clock.systemUTC());
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

    private static ObjectNode review(String kind, ObjectNode object) {
        ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", "uid-" + kind).put("operation", "CREATE");
        request.putObject("kind").put("group", kind.equals("Pod") ? "" : "apps").put("version", "v1").put("kind", kind);
        request.set("object", object);
        return review;
    }

    /** An object whose pod spec (at {@code specPath}) has the given containers and init containers. */
    private static ObjectNode workload(List<String> specPath, List<String> images, List<String> initImages) {
        ObjectNode object = JSON.createObjectNode();
        ObjectNode spec = object;
        for (String segment : specPath) {
            spec = spec.putObject(segment);
        }
        ArrayNode containers = spec.putArray("containers");
        images.forEach(i -> containers.addObject().put("name", "c").put("image", i));
        ArrayNode inits = spec.putArray("initContainers");
        initImages.forEach(i -> inits.addObject().put("name", "i").put("image", i));
        return object;
    }

    private JsonNode response(String path, ObjectNode review) {
        HttpResponse<String> http = wrapper.post(path, review.toString());
        assertThat(http.statusCode()).isEqualTo(200);
        JsonNode body = json(http);
        assertThat(body.get("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(body.get("kind").asText()).isEqualTo("AdmissionReview");
        assertThat(body.at("/response/uid").asText()).isEqualTo(review.at("/request/uid").asText());
        return body.get("response");
    }

    private static JsonNode patch(JsonNode response) throws IOException {
        assertThat(response.get("patchType").asText()).isEqualTo("JSONPatch");
        return JSON.readTree(Base64.getDecoder().decode(response.get("patch").asText()));
    }

    @Test
    void podWithATagIsPatchedToTheSignedDigest() throws IOException {
        JsonNode response = response("/mutate", review("Pod",
                workload(List.of("spec"), List.of(APP + ":v1", APP + "@sha256:" + V2), List.of(APP + ":v2"))));
        assertThat(response.get("allowed").asBoolean()).isTrue();
        JsonNode patch = patch(response);
        assertThat(patch).hasSize(2);
        assertThat(patch.get(0).toString()).isEqualTo(
                "{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"" + APP + "@sha256:" + V1 + "\"}");
        assertThat(patch.get(1).get("path").asText()).isEqualTo("/spec/initContainers/0/image");
        assertThat(patch.get(1).get("value").asText()).isEqualTo(APP + "@sha256:" + V2);
    }

    @Test
    void everyWorkloadKindIsPatchedAtItsPodSpec() throws IOException {
        record Kind(String name, List<String> specPath, String pointer) {
        }
        for (Kind kind : List.of(new Kind("Deployment", List.of("spec", "template", "spec"), "/spec/template/spec"),
                new Kind("StatefulSet", List.of("spec", "template", "spec"), "/spec/template/spec"),
                new Kind("DaemonSet", List.of("spec", "template", "spec"), "/spec/template/spec"),
                new Kind("ReplicaSet", List.of("spec", "template", "spec"), "/spec/template/spec"),
                new Kind("Job", List.of("spec", "template", "spec"), "/spec/template/spec"),
                new Kind("CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"),
                        "/spec/jobTemplate/spec/template/spec"))) {
            JsonNode response = response("/mutate", review(kind.name(), workload(kind.specPath(), List.of(APP + ":v2"), List.of())));
            assertThat(response.get("allowed").asBoolean()).as(kind.name()).isTrue();
            assertThat(patch(response).get(0).get("path").asText()).as(kind.name())
                    .isEqualTo(kind.pointer() + "/containers/0/image");
        }
    }

    @Test
    void unsignedTagAndUnsignedDigestAreDeniedNamingTheImage() {
        String unsignedTag = APP + ":nope";
        String unsignedDigest = APP + "@sha256:" + "0".repeat(64);
        JsonNode response = response("/mutate", review("Pod",
                workload(List.of("spec"), List.of(APP + ":v1", unsignedTag, unsignedDigest), List.of())));
        assertThat(response.get("allowed").asBoolean()).isFalse();
        assertThat(response.has("patch")).isFalse();
        assertThat(response.at("/status/code").asInt()).isEqualTo(403);
        String message = response.at("/status/message").asText();
        assertThat(message).contains(unsignedTag).contains(unsignedDigest).doesNotContain(APP + ":v1:");
    }

    @Test
    void validateAdmitsSignedDigestsOnly() {
        JsonNode signed = response("/validate", review("Pod", workload(List.of("spec"), List.of(APP + "@sha256:" + V1), List.of())));
        assertThat(signed.get("allowed").asBoolean()).isTrue();
        assertThat(signed.has("patch")).isFalse();
        JsonNode tagged = response("/validate", review("Pod", workload(List.of("spec"), List.of(APP + ":v1"), List.of())));
        assertThat(tagged.get("allowed").asBoolean()).isFalse();
        assertThat(tagged.at("/status/message").asText()).contains(APP + ":v1").contains("tag");
        JsonNode unsigned = response("/validate", review("Pod",
                workload(List.of("spec"), List.of("example.com/unknown@sha256:" + V1), List.of())));
        assertThat(unsigned.get("allowed").asBoolean()).isFalse();
        assertThat(unsigned.at("/status/message").asText()).contains("example.com/unknown@sha256:" + V1);
    }

    @Test
    void objectsWithoutImagesAreAllowedAndBadReviewsRefused() {
        JsonNode configMap = response("/mutate", review("ConfigMap", JSON.createObjectNode()));
        assertThat(configMap.get("allowed").asBoolean()).isTrue();
        assertThat(wrapper.post("/mutate", "{\"kind\":\"AdmissionReview\"}").statusCode()).isEqualTo(400);
    }
}
