package dev.notary4j.tuf.model;

import dev.notary4j.tuf.crypto.TufKey;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/** The {@code signed} part of root.json. */
public record Root(OffsetDateTime expires, int version, Map<String, TufKey> keys, Map<String, Role> roles,
        boolean consistentSnapshot) implements SignedBody {
    public static final String TYPE = "Root";

    public Root {
        Objects.requireNonNull(expires, "expires");
        keys = Maps.copy(keys, "keys");
        roles = Maps.copy(roles, "roles");
    }

    @Override
    public String type() {
        return TYPE;
    }

    public Root withVersion(int newVersion) {
        return new Root(expires, newVersion, keys, roles, consistentSnapshot);
    }

    public Root withExpires(OffsetDateTime newExpires) {
        return new Root(newExpires, version, keys, roles, consistentSnapshot);
    }

    public Root withKey(String keyId, TufKey key) {
        return new Root(expires, version, Maps.with(keys, keyId, key), roles, consistentSnapshot);
    }

    public Root withoutKey(String keyId) {
        return new Root(expires, version, Maps.without(keys, keyId), roles, consistentSnapshot);
    }

    public Root withRole(String name, Role role) {
        return new Root(expires, version, keys, Maps.with(roles, name, role), consistentSnapshot);
    }
}
