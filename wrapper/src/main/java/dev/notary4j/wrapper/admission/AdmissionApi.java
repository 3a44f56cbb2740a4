package dev.notary4j.wrapper.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.wrapper.http.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Kubernetes admission webhooks ({@code admission.k8s.io/v1} AdmissionReview) so that OPA is optional:
 * {@code /mutate} pins every workload image to its signed digest with a JSONPatch, {@code /validate} admits only
 * images pinned to a signed digest. A denial names each refused image and why.
 */
public final class AdmissionApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_VERSION = "admission.k8s.io/v1";

    private final ImageDecider decider;

    public AdmissionApi(ImageDecider decider) {
        this.decider = decider;
    }

    public CompletableFuture<Reply> mutate(byte[] body) {
        return review(body, ImageDecider.TagHandling.RESOLVE, "mutate");
    }

    public CompletableFuture<Reply> validate(byte[] body) {
        return review(body, ImageDecider.TagHandling.REFUSE, "validate");
    }

    private CompletableFuture<Reply> review(byte[] body, ImageDecider.TagHandling tags, String endpoint) {
        JsonNode request;
        try {
            JsonNode review = JSON.readTree(body);
            request = review == null ? null : review.get("request");
            if (review == null || !API_VERSION.equals(review.path("apiVersion").asText())
                    || !"AdmissionReview".equals(review.path("kind").asText()) || request == null
                    || !request.path("uid").isTextual()) {
                return CompletableFuture.completedFuture(Reply.json(400,
                        "{\"code\":400,\"message\":\"expected an admission.k8s.io/v1 AdmissionReview with a request uid\"}",
                        "bad_request"));
            }
        } catch (IOException e) {
            return CompletableFuture.completedFuture(Reply.json(400,
                    "{\"code\":400,\"message\":\"request body is not valid JSON\"}", "bad_request"));
        }
        String uid = request.get("uid").asText();
        List<WorkloadImages.ContainerImage> images = WorkloadImages.of(request.path("kind").path("kind").asText(),
                request.get("object"));
        List<CompletableFuture<ImageDecision>> decisions = images.stream()
                .map(image -> decider.decide(image.image(), tags, endpoint)).toList();
        return CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new))
                .thenApply(done -> answer(uid, images, decisions.stream().map(CompletableFuture::join).toList(),
                        tags == ImageDecider.TagHandling.RESOLVE));
    }

    /** Validating webhooks must not patch, so only {@code patching} answers carry the JSONPatch. */
    private static Reply answer(String uid, List<WorkloadImages.ContainerImage> images, List<ImageDecision> decisions,
            boolean patching) {
        ObjectNode response = JSON.createObjectNode();
        response.put("uid", uid);
        List<String> denials = new ArrayList<>();
        ArrayNode warnings = JSON.createArrayNode();
        ArrayNode patch = JSON.createArrayNode();
        for (int i = 0; i < images.size(); i++) {
            ImageDecision decision = decisions.get(i);
            String pointer = images.get(i).pointer();
            String message = decision.image() + ": " + decision.reason();
            switch (decision.verdict()) {
                case DENIED -> denials.add(message);
                case AUDITED -> warnings.add("audit: " + message);
                case VERIFIED -> decision.pinned().filter(pinned -> patching && !pinned.equals(decision.image()))
                        .ifPresent(pinned -> patch.addObject().put("op", "replace")
                                .put("path", pointer).put("value", pinned));
            }
        }
        response.put("allowed", denials.isEmpty());
        if (!denials.isEmpty()) {
            response.putObject("status").put("code", 403).put("reason", "Forbidden")
                    .put("message", "image trust: " + String.join(", ", denials));
        } else if (!patch.isEmpty()) {
            response.put("patchType", "JSONPatch");
            response.put("patch", Base64.getEncoder().encodeToString(patch.toString().getBytes(StandardCharsets.UTF_8)));
        }
        if (!warnings.isEmpty()) {
            response.set("warnings", warnings);
        }
        ObjectNode review = JSON.createObjectNode();
        review.put("apiVersion", API_VERSION);
        review.put("kind", "AdmissionReview");
        review.set("response", response);
        return Reply.json(200, review.toString(), denials.isEmpty() ? "allowed" : "denied");
    }
}
