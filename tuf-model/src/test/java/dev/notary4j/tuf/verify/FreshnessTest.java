package dev.notary4j.tuf.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.json.GoTime;
import dev.notary4j.tuf.model.Targets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    private static final Targets BODY = Targets.empty(GoTime.parse("2030-01-01T00:00:00.5-05:00"), 3);
    private static final Instant EXPIRY = Instant.parse("2030-01-01T05:00:00.5Z");

    @Test
    void expiredOnlyStrictlyAfterTheExpiryInstant() {
        assertThatCode(() -> Freshness.checkNotExpired("targets", BODY, EXPIRY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Freshness.checkNotExpired("targets", BODY, EXPIRY.plusNanos(1)))
                .isInstanceOf(ExpiredException.class)
                .hasMessage("targets expired at Tue Jan 1 00:00:00 -0500 2030");
    }

    @Test
    void zeroExpiryIsExpired() {
        assertThatThrownBy(() -> Freshness.checkNotExpired("root",
                Targets.empty(GoTime.ZERO, 1), Instant.EPOCH))
                .hasMessage("root expired at Mon Jan 1 00:00:00 UTC 0001");
    }

    @Test
    void versionBelowMinimum() {
        assertThatCode(() -> Freshness.checkVersionAtLeast("targets", BODY, 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Freshness.checkVersionAtLeast("targets", BODY, 4))
                .isInstanceOf(LowVersionException.class)
                .hasMessage("version 3 is lower than current version 4");
    }
}
