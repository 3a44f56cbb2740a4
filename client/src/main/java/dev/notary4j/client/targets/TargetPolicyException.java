package dev.notary4j.client.targets;

import dev.notary4j.client.TufClientException;
import java.util.List;
import java.util.Set;

/** The target is unknown or does not satisfy a {@link TargetPolicy}. */
public final class TargetPolicyException extends TufClientException {
    private final String target;
    private final Set<String> requiredRoles;
    private final List<String> listingRoles;

    public TargetPolicyException(String target, String message, Set<String> requiredRoles, List<String> listingRoles) {
        super(message);
        this.target = target;
        this.requiredRoles = Set.copyOf(requiredRoles);
        this.listingRoles = List.copyOf(listingRoles);
    }

    public String target() {
        return target;
    }

    public Set<String> requiredRoles() {
        return requiredRoles;
    }

    /** The roles that list the target, in walk order. */
    public List<String> listingRoles() {
        return listingRoles;
    }
}
