package dev.notary4j.client.trust;

import dev.notary4j.tuf.json.GoTime;
import java.time.OffsetDateTime;

/** notary's {@code ErrExpired}: the role's {@code expires} is before now. */
public final class ExpiredMetadataException extends VerificationException {
    private final OffsetDateTime expires;

    public ExpiredMetadataException(String role, OffsetDateTime expires) {
        super(role, role + " expired at " + GoTime.formatUnixDate(expires));
        this.expires = expires;
    }

    public OffsetDateTime expires() {
        return expires;
    }
}
