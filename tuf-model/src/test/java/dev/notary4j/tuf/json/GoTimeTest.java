package dev.notary4j.tuf.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoTimeTest {
    /** tuf-client.md §2.2 example 9: the writer's zone is kept, trailing zeros of the fraction trimmed. */
    @Test
    void example9() {
        OffsetDateTime t = OffsetDateTime.of(2030, 1, 2, 3, 4, 5, 120_000_000, ZoneOffset.ofHours(-5));
        assertThat(GoTime.format(t)).isEqualTo("2030-01-02T03:04:05.12-05:00");
        assertThat(GoTime.format(t.withOffsetSameInstant(ZoneOffset.UTC))).isEqualTo("2030-01-02T08:04:05.12Z");
        assertThat(GoTime.parse("2030-01-02T03:04:05.12-05:00")).isEqualTo(t);
    }

    @Test
    void yearsOutsideZeroTo9999CannotBeWritten() {
        assertThat(GoTime.format(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("0000-01-01T00:00:00Z");
        assertThatThrownBy(() -> GoTime.format(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isInstanceOf(GoTimeException.class).hasMessage("Time.MarshalJSON: year outside of range [0,9999]");
        assertThatThrownBy(() -> GoTime.format(OffsetDateTime.of(-1, 12, 31, 23, 0, 0, 0, ZoneOffset.UTC)))
                .isInstanceOf(GoTimeException.class);
    }

    @Test
    void offsetsJavaCannotHoldAreRefused() {
        assertThatThrownBy(() -> GoTime.parse("2030-01-01T00:00:00+19:00")).isInstanceOf(GoTimeException.class);
    }
}
