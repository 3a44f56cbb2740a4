package dev.notary4j.client.trust;

import dev.notary4j.tuf.model.Targets;

/** A targets or delegation role that passed verification, with the grant it was verified under. */
public record TrustedTargetsRole(RoleGrant grant, Targets targets) {
    public String name() {
        return grant.name();
    }

    /** The delegations of this role that may be loaded next, in the order they are listed. */
    public java.util.List<RoleGrant> children() {
        return grant.children(targets);
    }
}
