package dev.notary4j.wrapper.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.wrapper.config.AdmissionRouting;
import dev.notary4j.wrapper.metrics.WrapperMetrics;
import dev.notary4j.wrapper.policy.TrustPolicies;
import dev.notary4j.wrapper.policy.TrustPolicy;
import dev.notary4j.wrapper.policy.VerificationLevel;
import dev.notary4j.wrapper.trust.TrustFailure;
import dev.notary4j.wrapper.trust.TrustService;
import dev.notary4j.wrapper.trust.VerifiedRepository;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges container images against their trust policy on the admission notary server: a digest must be signed, a
 * tag must resolve to a signed digest (or, where only digests are acceptable, is refused). A failure denies under
 * a {@code strict} policy and is allowed but logged and counted under {@code audit}. Every verdict is counted per
 * policy and written as one JSON line to the {@code notary-wrapper.decisions} log.
 */
public final class ImageDecider {
    private static final Logger DECISIONS = LoggerFactory.getLogger("notary-wrapper.decisions");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How tags are treated. */
    public enum TagHandling {
        /** Resolve the tag to its signed digest. */
        RESOLVE,
        /** Refuse: only images pinned to a digest are acceptable (the validating webhook). */
        REFUSE
    }

    private final TrustService trust;
    private final TrustPolicies policies;
    private final AdmissionRouting routing;
    private final WrapperMetrics metrics;

    public ImageDecider(TrustService trust, TrustPolicies policies, AdmissionRouting routing, WrapperMetrics metrics) {
        this.trust = trust;
        this.policies = policies;
        this.routing = routing;
        this.metrics = metrics;
    }

    public CompletableFuture<ImageDecision> decide(String image, TagHandling tags, String endpoint) {
        ImageReference ref;
        try {
            ref = ImageReference.parse(image);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(record(endpoint, image, Optional.empty(), e.getMessage()));
        }
        Optional<TrustPolicy> policy = policies.forGun(ref.gun());
        Optional<String> server = routing.serverFor(ref.gun());
        if (server.isEmpty()) {
            return CompletableFuture.completedFuture(record(endpoint, image, policy,
                    "no notary server for " + ref.gun() + " (admission.notary_server)"));
        }
        return trust.repository(server.get(), ref.gun())
                .thenApply(repo -> verified(endpoint, ref, repo, tags))
                .exceptionally(error -> record(endpoint, image, policy, TrustFailure.of(error).getMessage()));
    }

    private ImageDecision verified(String endpoint, ImageReference ref, VerifiedRepository repo, TagHandling tags) {
        Optional<TrustPolicy> policy = Optional.of(repo.policy());
        if (ref.sha256Hex().isPresent()) {
            String hex = ref.sha256Hex().get();
            if (repo.withDigest(hex).isEmpty()) {
                return record(endpoint, ref.image(), policy, "digest sha256:" + hex + " is not signed in " + ref.gun());
            }
            return log(new ImageDecision(ref.image(), endpoint, policy.map(TrustPolicy::name),
                    ImageDecision.Verdict.VERIFIED, Optional.of(ImageReference.pinned(ref.gun(), hex)), "signed digest"));
        }
        if (tags == TagHandling.REFUSE) {
            return record(endpoint, ref.image(), policy, "contains a tag; only images pinned to a signed digest are allowed");
        }
        String tag = ref.tag().orElseThrow();
        String hex;
        try {
            hex = repo.tag(tag).target().sha256Hex()
                    .orElseThrow(() -> new TrustFailure(TrustFailure.Kind.NOT_SIGNED, tag + " has no sha256 digest"));
        } catch (TrustFailure e) {
            return record(endpoint, ref.image(), policy, e.getMessage());
        }
        return log(new ImageDecision(ref.image(), endpoint, policy.map(TrustPolicy::name), ImageDecision.Verdict.VERIFIED,
                Optional.of(ImageReference.pinned(ref.gun(), hex)), "signed tag " + tag));
    }

    /** A failed check: denied, or audited when the covering policy says so. */
    private ImageDecision record(String endpoint, String image, Optional<TrustPolicy> policy, String reason) {
        boolean audit = policy.map(p -> p.level() == VerificationLevel.AUDIT).orElse(false);
        return log(new ImageDecision(image, endpoint, policy.map(TrustPolicy::name),
                audit ? ImageDecision.Verdict.AUDITED : ImageDecision.Verdict.DENIED, Optional.empty(), reason));
    }

    private ImageDecision log(ImageDecision decision) {
        metrics.policyDecision(decision.policy().orElse(""), decision.verdict().label());
        if (DECISIONS.isInfoEnabled()) {
            ObjectNode line = JSON.createObjectNode();
            line.put("endpoint", decision.endpoint());
            line.put("image", decision.image());
            line.put("policy", decision.policy().orElse(null));
            line.put("verdict", decision.verdict().label());
            line.put("pinned", decision.pinned().orElse(null));
            line.put("reason", decision.reason());
            DECISIONS.info(line.toString());
        }
        return decision;
    }
}
