package dev.notary4j.wrapper.policy;

import java.util.List;
import java.util.Optional;

/** The configured policies; a GUN gets the policy naming it exactly, else the {@code *} one, else none (deny). */
public record TrustPolicies(List<TrustPolicy> policies) {
    public TrustPolicies {
        policies = List.copyOf(policies);
    }

    public Optional<TrustPolicy> forGun(String gun) {
        return policies.stream().filter(p -> p.registryScopes().contains(gun)).findFirst()
                .or(() -> policies.stream().filter(p -> p.registryScopes().contains(TrustPolicy.ANY_SCOPE)).findFirst());
    }
}
