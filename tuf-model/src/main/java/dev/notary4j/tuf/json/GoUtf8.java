package dev.notary4j.tuf.json;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 handling as Go's JSON decoder and encoder do it: every byte that does not start a well-formed UTF-8
 * sequence becomes one U+FFFD, and lone UTF-16 surrogates (which Go cannot even represent) become U+FFFD.
 */
public final class GoUtf8 {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private GoUtf8() {
    }

    /**
     * Returns {@code bytes} itself when it is well-formed UTF-8, otherwise a copy in which each byte that
     * {@code utf8.DecodeRune} rejects is replaced by U+FFFD (one replacement per bad byte, as Go does).
     */
    public static byte[] sanitize(byte[] bytes) {
        int firstBad = firstInvalid(bytes);
        if (firstBad < 0) {
            return bytes;
        }
        ByteSink out = new ByteSink(bytes.length + 16);
        out.write(bytes, 0, firstBad);
        int i = firstBad;
        while (i < bytes.length) {
            int size = sequenceLength(bytes, i);
            if (size == 0) {
                out.write(REPLACEMENT);
                i++;
            } else {
                out.write(bytes, i, size);
                i += size;
            }
        }
        return out.toByteArray();
    }

    /** Index of the first byte that does not start a well-formed sequence, or -1. */
    static int firstInvalid(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i);
            if (size == 0) {
                return i;
            }
            i += size;
        }
        return -1;
    }

    /** Length of the well-formed multi-byte sequence starting at {@code i}, or 0 (RFC 3629 table, as Go). */
    private static int sequenceLength(byte[] b, int i) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            need = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            if (lead == 0xE0) {
                lo = 0xA0;
            } else if (lead == 0xED) {
                hi = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            if (lead == 0xF0) {
                lo = 0x90;
            } else if (lead == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + need >= b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k <= need; k++) {
            int c = b[i + k] & 0xFF;
            if (c < 0x80 || c > 0xBF) {
                return 0;
            }
        }
        return need + 1;
    }

    /** {@code s} with every unpaired surrogate replaced by U+FFFD; returns {@code s} itself when it has none. */
    public static String replaceLoneSurrogates(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !Character.isSurrogate(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = null;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(k, '\uFFFD');
            }
        }
        return out == null ? s : out.toString();
    }

    /** UTF-8 bytes of {@code s}, lone surrogates encoded as U+FFFD (Java's encoder would write '?'). */
    public static byte[] encode(String s) {
        return replaceLoneSurrogates(s).getBytes(StandardCharsets.UTF_8);
    }
}
