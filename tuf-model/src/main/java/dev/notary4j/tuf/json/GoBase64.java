package dev.notary4j.tuf.json;

import java.util.Base64;

/**
 * Base64 as Go's JSON decoder reads {@code []byte} fields ({@code base64.StdEncoding}): standard alphabet,
 * padding required, CR and LF ignored anywhere, non-zero trailing bits tolerated.
 */
public final class GoBase64 {
    private GoBase64() {
    }

    /** Decodes or throws {@link IllegalArgumentException} with Go's message. */
    public static byte[] decode(String text) {
        String s = text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0
                ? text.replace("\r", "").replace("\n", "") : text;
        if (s.length() % 4 != 0) {
            throw new IllegalArgumentException("illegal base64 data at input byte " + (s.length() / 4 * 4));
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("illegal base64 data: " + e.getMessage(), e);
        }
    }

    /** Standard base64 with padding, as Go encodes {@code []byte}. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
