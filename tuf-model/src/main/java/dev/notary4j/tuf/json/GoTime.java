package dev.notary4j.tuf.json;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go 1.19 {@code time.Time} JSON encoding as notary 0.7 (built with Go 1.19.8) uses it for {@code expires}:
 * RFC 3339 with up to nine fractional digits (trailing zeros trimmed), {@code Z} for offset zero, otherwise
 * {@code ±hh:mm}; the writer's offset is preserved. Parsing follows Go's lenient {@code time.Parse} with layout
 * {@code "2006-01-02T15:04:05Z07:00"}: a one-digit hour, a comma as decimal mark, more than nine fractional
 * digits (truncated) and unchecked zone offsets are accepted; offsets beyond ±18:00, which Java cannot hold,
 * are refused.
 */
public final class GoTime {
    /** Go's zero {@code time.Time}: what a missing or null {@code expires} decodes to. */
    public static final OffsetDateTime ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final String LAYOUT = "\"2006-01-02T15:04:05Z07:00\"";

    private GoTime() {
    }

    /** Go's {@code MarshalJSON} text without the surrounding quotes. */
    public static String format(OffsetDateTime t) {
        int year = t.getYear();
        if (year < 0 || year >= 10000) {
            throw new GoTimeException(t.toString(), "Time.MarshalJSON: year outside of range [0,9999]");
        }
        StringBuilder b = new StringBuilder(35);
        pad(b, year, 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            StringBuilder fraction = new StringBuilder();
            pad(fraction, nanos, 9);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(fraction, 0, end);
        }
        appendZone(b, t.getOffset().getTotalSeconds());
        return b.toString();
    }

    private static void appendZone(StringBuilder b, int offsetSeconds) {
        if (offsetSeconds == 0) {
            b.append('Z');
            return;
        }
        int zone = offsetSeconds / 60;
        if (zone < 0) {
            b.append('-');
            zone = -zone;
        } else {
            b.append('+');
        }
        pad(b, zone / 60, 2).append(':');
        pad(b, zone % 60, 2);
    }

    /** Go's {@code Format("Mon Jan 2 15:04:05 MST 2006")}, as in "expired at" messages (zone names: UTC). */
    public static String formatUnixDate(OffsetDateTime t) {
        StringBuilder b = new StringBuilder(32);
        b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT)).append(' ');
        b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT)).append(' ');
        b.append(t.getDayOfMonth()).append(' ');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append(' ');
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            b.append("UTC");
        } else {
            int zone = offset / 60;
            b.append(zone < 0 ? '-' : '+');
            zone = Math.abs(zone);
            pad(b, zone / 60, 2);
            pad(b, zone % 60, 2);
        }
        b.append(' ');
        pad(b, t.getYear(), 4);
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    /** Parses a JSON string value (unquoted text) as Go's {@code UnmarshalJSON} does. */
    public static OffsetDateTime parse(String text) {
        return parseRawToken('"' + text + '"');
    }

    /**
     * Parses the raw JSON token Go hands to {@code UnmarshalJSON} (quotes and escapes included), e.g.
     * {@code "2030-01-01T00:00:00Z"} with its quotes. The token {@code null} is the caller's business.
     */
    public static OffsetDateTime parseRawToken(String raw) {
        return new Parser(raw).parse();
    }

    /** A direct transcription of the control flow of Go 1.19 {@code time.parse} for the one layout. */
    private static final class Parser {
        private final String raw;
        private String value;

        Parser(String raw) {
            this.raw = raw;
            this.value = raw;
        }

        OffsetDateTime parse() {
            skip("\"");
            int year = longYear();
            skip("-");
            int month = fixedNumber("01", "month", 1, 12);
            skip("-");
            int day = number(true, "02");
            skip("T");
            int hour = rangeChecked(number(false, "15"), 23, "15", "hour");
            skip(":");
            int minute = fixedNumber("04", "minute", 0, 59);
            skip(":");
            int second = fixedNumber("05", "second", 0, 59);
            int nanos = fraction();
            int offset = zone();
            skip("\"");
            if (!value.isEmpty()) {
                throw error("", value, ": extra text: " + quote(value));
            }
            if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
                throw error("", value, ": day out of range");
            }
            if (offset < -18 * 3600 || offset > 18 * 3600) {
                throw new GoTimeException(raw, "parsing time " + quote(raw) + ": zone offset beyond ±18:00");
            }
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos),
                    ZoneOffset.ofTotalSeconds(offset));
        }

        private void skip(String prefix) {
            String v = value;
            for (int i = 0; i < prefix.length(); i++) {
                if (v.isEmpty() || v.charAt(0) != prefix.charAt(i)) {
                    throw error(prefix, v, "");
                }
                v = v.substring(1);
            }
            value = v;
        }

        private int longYear() {
            if (value.length() < 4 || !isDigit(value, 0)) {
                throw error("2006", value, "");
            }
            String p = value.substring(0, 4);
            value = value.substring(4);
            Integer year = atoi(p);
            if (year == null) {
                throw error("2006", value, "");
            }
            return year;
        }

        private int fixedNumber(String elem, String rangeName, int min, int max) {
            return rangeChecked(number(true, elem), max, elem, rangeName, min);
        }

        private int rangeChecked(int n, int max, String elem, String rangeName) {
            return rangeChecked(n, max, elem, rangeName, 0);
        }

        private int rangeChecked(int n, int max, String elem, String rangeName, int min) {
            if (n < min || n > max) {
                throw error(elem, value, ": " + rangeName + " out of range");
            }
            return n;
        }

        /** Go's getnum: one or two digits, two when {@code fixed}. */
        private int number(boolean fixed, String elem) {
            if (!isDigit(value, 0)) {
                throw error(elem, value, "");
            }
            if (!isDigit(value, 1)) {
                if (fixed) {
                    throw error(elem, value, "");
                }
                int n = value.charAt(0) - '0';
                value = value.substring(1);
                return n;
            }
            int n = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
            value = value.substring(2);
            return n;
        }

        /** Fractional seconds after the seconds field: '.' or ',' then digits; only the first nine count. */
        private int fraction() {
            if (value.length() < 2 || (value.charAt(0) != '.' && value.charAt(0) != ',') || !isDigit(value, 1)) {
                return 0;
            }
            int n = 2;
            while (n < value.length() && isDigit(value, n)) {
                n++;
            }
            int used = Math.min(n, 10);
            int nanos = Integer.parseInt(value.substring(1, used));
            for (int i = used; i < 10; i++) {
                nanos *= 10;
            }
            value = value.substring(n);
            return nanos;
        }

        /** Go's stdISO8601ColonTZ: 'Z', or sign, two chars, ':', two chars, each pair read with Go's atoi. */
        private int zone() {
            if (!value.isEmpty() && value.charAt(0) == 'Z') {
                value = value.substring(1);
                return 0;
            }
            if (value.length() < 6 || value.charAt(3) != ':') {
                throw error("Z07:00", value, "");
            }
            char sign = value.charAt(0);
            Integer hours = atoi(value.substring(1, 3));
            Integer minutes = atoi(value.substring(4, 6));
            value = value.substring(6);
            if (hours == null || minutes == null || (sign != '+' && sign != '-')) {
                throw error("Z07:00", value, "");
            }
            int offset = (hours * 60 + minutes) * 60;
            return sign == '-' ? -offset : offset;
        }

        private GoTimeException error(String layoutElem, String valueElem, String message) {
            String text = message.isEmpty()
                    ? "parsing time " + quote(raw) + " as " + quote(LAYOUT) + ": cannot parse " + quote(valueElem)
                            + " as " + quote(layoutElem)
                    : "parsing time " + quote(raw) + message;
            return new GoTimeException(raw, text);
        }
    }

    /** Go's time.atoi: optional sign, then only digits (an empty rest is 0); null when invalid. */
    private static Integer atoi(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int x = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            x = x * 10 + (c - '0');
        }
        return negative ? -x : x;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** Go's time.quote: printable ASCII kept ({@code "} and {@code \} escaped), other bytes as \xNN. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        byte[] utf8 = GoUtf8.encode(s);
        for (byte value : utf8) {
            int c = value & 0xFF;
            if (c >= 0x80 || c < ' ') {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append((char) c);
            }
        }
        return b.append('"').toString();
    }
}
