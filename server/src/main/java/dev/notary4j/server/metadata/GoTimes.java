package dev.notary4j.server.metadata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Go's RFC 3339 forms: {@code time.RFC3339Nano} output (trailing fractional zeros trimmed) and parsing. */
public final class GoTimes {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GoTimes() {
    }

    /** {@code 2026-12-07T00:24:39.562571463Z}, {@code 2026-12-07T00:24:39.5Z}, {@code 2026-12-07T00:24:39Z}. */
    public static String rfc3339Nano(Instant instant) {
        StringBuilder out = new StringBuilder(SECONDS.format(instant));
        int nanos = instant.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
            out.append('.').append(fraction);
        }
        return out.append('Z').toString();
    }

    public static Instant parse(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: " + rfc3339, e);
        }
    }
}
