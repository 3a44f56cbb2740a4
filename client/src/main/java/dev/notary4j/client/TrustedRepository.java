package dev.notary4j.client;

import dev.notary4j.client.targets.FoundTarget;
import dev.notary4j.client.targets.TargetPolicy;
import dev.notary4j.client.targets.TargetPolicyException;
import dev.notary4j.client.targets.TargetResolver;
import dev.notary4j.client.trust.TrustedMetadataSet;
import java.util.List;

/** The verified state of one repository after an update, and notary's ways of reading targets from it. */
public final class TrustedRepository {
    private final TrustedMetadataSet metadata;
    private final TargetResolver resolver;

    public TrustedRepository(TrustedMetadataSet metadata) {
        this.metadata = metadata;
        this.resolver = new TargetResolver(metadata.targetsRoles());
    }

    public String gun() {
        return metadata.gun();
    }

    public TrustedMetadataSet metadata() {
        return metadata;
    }

    /** {@code notary list [-r roles]}: every target with the role it was found in; no particular order. */
    public List<FoundTarget> list(List<String> roles) {
        return resolver.list(roles);
    }

    /** {@code notary lookup}: the first role in notary's order that lists {@code name}. */
    public FoundTarget lookup(String name) {
        return resolver.lookup(name, List.of())
                .orElseThrow(() -> new TargetPolicyException(name, "No valid trust data for " + name,
                        java.util.Set.of(), List.of()));
    }

    /** Every role that signed {@code name} (within its paths), in walk order. */
    public List<FoundTarget> signers(String name) {
        return resolver.findAll(name);
    }

    /** {@code name} accepted under {@code policy} (required roles, several roles agreeing on one digest). */
    public TargetPolicy.AgreedTarget lookup(String name, TargetPolicy policy) {
        return policy.evaluate(name, resolver.findAll(name));
    }
}
