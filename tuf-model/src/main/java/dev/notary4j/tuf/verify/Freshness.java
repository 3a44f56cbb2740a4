package dev.notary4j.tuf.verify;

import dev.notary4j.tuf.model.SignedBody;
import java.time.Instant;

/** notary's {@code VerifyExpiry} and {@code VerifyVersion}, with the clock injected. */
public final class Freshness {
    private Freshness() {
    }

    /** Expired means {@code expires} is strictly before {@code now}; there is no grace period. */
    public static void checkNotExpired(String role, SignedBody body, Instant now) {
        if (body.expires().toInstant().isBefore(now)) {
            throw new ExpiredException(role, body.expires());
        }
    }

    public static void checkVersionAtLeast(String role, SignedBody body, int minimum) {
        if (body.version() < minimum) {
            throw new LowVersionException(role, body.version(), minimum);
        }
    }
}
