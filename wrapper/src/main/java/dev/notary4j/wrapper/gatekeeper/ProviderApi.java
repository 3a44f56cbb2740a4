package dev.notary4j.wrapper.gatekeeper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.wrapper.admission.ImageDecider;
import dev.notary4j.wrapper.admission.ImageDecision;
import dev.notary4j.wrapper.http.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gatekeeper external-data provider ({@code externaldata.gatekeeper.sh/v1beta1}): a {@code ProviderRequest} lists
 * image references as keys; the {@code ProviderResponse} has one item per key whose value is the image pinned to
 * its signed digest ({@code repo@sha256:hex}), or an {@code error} naming why it is not trusted. {@code
 * systemError} is set only when the request itself is unusable. Audited failures keep the original image.
 */
public final class ProviderApi {
    public static final String API_VERSION = "externaldata.gatekeeper.sh/v1beta1";
    /** Gatekeeper sends at most what fits its own timeout; refusing huge batches keeps one request bounded. */
    public static final int MAX_KEYS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageDecider decider;

    public ProviderApi(ImageDecider decider) {
        this.decider = decider;
    }

    public CompletableFuture<Reply> resolve(byte[] body) {
        List<String> keys = new ArrayList<>();
        try {
            JsonNode request = JSON.readTree(body);
            if (request == null || !API_VERSION.equals(request.path("apiVersion").asText())
                    || !"ProviderRequest".equals(request.path("kind").asText())
                    || !request.path("request").path("keys").isArray()) {
                return done(systemError("expected an " + API_VERSION + " ProviderRequest with request.keys"));
            }
            for (JsonNode key : request.path("request").path("keys")) {
                if (!key.isTextual()) {
                    return done(systemError("request.keys must be strings"));
                }
                keys.add(key.asText());
            }
        } catch (IOException e) {
            return done(systemError("request body is not valid JSON"));
        }
        if (keys.size() > MAX_KEYS) {
            return done(systemError("more than " + MAX_KEYS + " keys"));
        }
        List<CompletableFuture<ImageDecision>> decisions = keys.stream()
                .map(key -> decider.decide(key, ImageDecider.TagHandling.RESOLVE, "provider")).toList();
        return CompletableFuture.allOf(decisions.toArray(CompletableFuture[]::new))
                .thenApply(all -> answer(keys, decisions.stream().map(CompletableFuture::join).toList()));
    }

    private static Reply answer(List<String> keys, List<ImageDecision> decisions) {
        ObjectNode response = envelope();
        ArrayNode items = response.putArray("items");
        boolean anyDenied = false;
        for (int i = 0; i < keys.size(); i++) {
            ImageDecision decision = decisions.get(i);
            ObjectNode item = items.addObject().put("key", keys.get(i));
            switch (decision.verdict()) {
                case VERIFIED -> item.put("value", decision.pinned().orElseThrow());
                case AUDITED -> item.put("value", keys.get(i));
                case DENIED -> {
                    item.put("error", decision.image() + ": " + decision.reason());
                    anyDenied = true;
                }
            }
        }
        response.put("systemError", "");
        return Reply.json(200, wrap(response).toString(), anyDenied ? "denied" : "allowed");
    }

    private static Reply systemError(String message) {
        ObjectNode response = envelope();
        response.putArray("items");
        response.put("systemError", message);
        return Reply.json(200, wrap(response).toString(), "system_error");
    }

    private static ObjectNode envelope() {
        ObjectNode response = JSON.createObjectNode();
        // The same keys give the same answers while the trust data is unchanged, so Gatekeeper may cache them.
        response.put("idempotent", true);
        return response;
    }

    private static ObjectNode wrap(ObjectNode response) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", API_VERSION);
        root.put("kind", "ProviderResponse");
        root.set("response", response);
        return root;
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
