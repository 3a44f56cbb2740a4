package dev.notary4j.tuf.verify;

import dev.notary4j.tuf.json.GoTime;
import java.time.OffsetDateTime;

/** notary's {@code ErrExpired}: "&lt;role&gt; expired at Mon Jan 2 15:04:05 MST 2006". */
public final class ExpiredException extends SignatureVerificationException {
    private static final long serialVersionUID = 1L;
    private final OffsetDateTime expires;

    public ExpiredException(String role, OffsetDateTime expires) {
        super(role, role + " expired at " + GoTime.formatUnixDate(expires));
        this.expires = expires;
    }

    public OffsetDateTime expires() {
        return expires;
    }
}
