package dev.notary4j.tuf.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/** The {@code signed} part of targets.json and of every delegated role's file. */
public record Targets(OffsetDateTime expires, int version, Map<String, FileMeta> targets, Delegations delegations)
        implements SignedBody {
    public static final String TYPE = "Targets";

    public Targets {
        Objects.requireNonNull(expires, "expires");
        targets = Maps.copy(targets, "targets");
        Objects.requireNonNull(delegations, "delegations");
    }

    /** A fresh Targets body as notary creates it: no targets, empty delegations. */
    public static Targets empty(OffsetDateTime expires, int version) {
        return new Targets(expires, version, Map.of(), Delegations.EMPTY);
    }

    @Override
    public String type() {
        return TYPE;
    }

    public Targets withVersion(int newVersion) {
        return new Targets(expires, newVersion, targets, delegations);
    }

    public Targets withExpires(OffsetDateTime newExpires) {
        return new Targets(newExpires, version, targets, delegations);
    }

    public Targets withTarget(String name, FileMeta meta) {
        return new Targets(expires, version, Maps.with(targets, name, meta), delegations);
    }

    public Targets withoutTarget(String name) {
        return new Targets(expires, version, Maps.without(targets, name), delegations);
    }

    public Targets withDelegations(Delegations newDelegations) {
        return new Targets(expires, version, targets, newDelegations);
    }
}
