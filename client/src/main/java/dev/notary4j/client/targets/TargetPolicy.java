package dev.notary4j.client.targets;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Stricter acceptance than notary's first-hit rule. {@code requiredRoles}: each of these roles must list the
 * target, all with the same content. {@code minimumAgreeingRoles}: at least this many roles must list the target
 * with that same content (same length and same hashes). {@link #NOTARY} is plain {@code notary lookup}.
 */
public record TargetPolicy(Set<String> requiredRoles, int minimumAgreeingRoles) {
    public static final TargetPolicy NOTARY = new TargetPolicy(Set.of(), 1);

    public TargetPolicy {
        requiredRoles = Set.copyOf(requiredRoles);
        if (minimumAgreeingRoles < 1) {
            throw new IllegalArgumentException("minimumAgreeingRoles must be at least 1");
        }
    }

    /**
     * Picks the target among {@code signers} (every role listing it, in walk order, see
     * {@link TargetResolver#findAll}): the first required role's entry, or the first entry when none is required.
     */
    public AgreedTarget evaluate(String name, List<FoundTarget> signers) {
        if (signers.isEmpty()) {
            throw new TargetPolicyException(name, "No valid trust data for " + name, requiredRoles, List.of());
        }
        List<String> listing = signers.stream().map(FoundTarget::role).toList();
        List<String> missing = requiredRoles.stream().filter(r -> !listing.contains(r)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new TargetPolicyException(name, name + " is not signed by required roles " + missing, requiredRoles, listing);
        }
        FoundTarget chosen = signers.stream().filter(s -> requiredRoles.contains(s.role())).findFirst()
                .orElse(signers.get(0));
        List<FoundTarget> agreeing = signers.stream().filter(s -> sameContent(s, chosen)).toList();
        List<String> agreeingRoles = agreeing.stream().map(FoundTarget::role).toList();
        if (!agreeingRoles.containsAll(requiredRoles)) {
            throw new TargetPolicyException(name, "required roles disagree on the content of " + name, requiredRoles, listing);
        }
        if (agreeing.size() < minimumAgreeingRoles) {
            throw new TargetPolicyException(name, "only " + agreeing.size() + " role(s) agree on " + name + ", "
                    + minimumAgreeingRoles + " required", requiredRoles, listing);
        }
        return new AgreedTarget(chosen, agreeingRoles);
    }

    private static boolean sameContent(FoundTarget a, FoundTarget b) {
        if (a.length() != b.length() || !a.meta().hashes().keySet().equals(b.meta().hashes().keySet())) {
            return false;
        }
        return a.meta().hashes().entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue(), b.meta().hashes().get(e.getKey())));
    }

    /** The accepted target and every role that signed that same content. */
    public record AgreedTarget(FoundTarget target, List<String> agreeingRoles) {
        public AgreedTarget {
            agreeingRoles = List.copyOf(agreeingRoles);
        }
    }
}
