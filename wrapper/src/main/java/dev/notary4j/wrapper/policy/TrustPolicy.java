package dev.notary4j.wrapper.policy;

import dev.notary4j.client.targets.TargetPolicy;
import dev.notary4j.client.trust.TrustPinning;
import java.util.List;

/**
 * How the repositories in {@code registryScopes} (exact GUNs, or {@code *}) are trusted: which root certificates
 * (pinning, TOFU or not), which signer roles must list a target and agree on it, and whether failures deny.
 */
public record TrustPolicy(String name, List<String> registryScopes, VerificationLevel level, TrustPinning pinning,
        TargetPolicy targetPolicy) {
    public static final String ANY_SCOPE = "*";

    public TrustPolicy {
        registryScopes = List.copyOf(registryScopes);
    }
}
