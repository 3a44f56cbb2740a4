package dev.notary4j.tuf.json;

import java.util.List;

/**
 * What Go's ordinary (non-canonical) encoder does when notary writes a metadata file: the envelope
 * {@code {"signed":…,"signatures":[{"keyid":…,"method":…,"sig":…}]}} with the canonical {@code signed} bytes
 * embedded through {@code compact(escape=true)}, which HTML-escapes them.
 */
public final class GoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /**
     * Go's {@code compact(dst, canonical, escape=true)} over canonical bytes: {@code <}, {@code >}, {@code &} become
     * {@code \u003c}, {@code \u003e}, {@code \u0026}; U+2028/U+2029 become {@code \u2028}/{@code \u2029}. A raw
     * control character (legal in canonical JSON) makes Go's writer fail; so does it here.
     */
    public static byte[] htmlEscape(byte[] canonical) {
        ByteSink out = new ByteSink(canonical.length + 32);
        appendHtmlEscaped(out, canonical);
        return out.toByteArray();
    }

    private static void appendHtmlEscaped(ByteSink out, byte[] src) {
        int start = 0;
        for (int i = 0; i < src.length; i++) {
            int c = src[i] & 0xFF;
            if (c < 0x20) {
                throw new CanonicalJsonException(CanonicalJsonException.Reason.CONTROL_CHARACTER,
                        String.format("0x%02x", c), "json: error calling MarshalJSON for type *json.RawMessage: "
                                + "invalid character " + goQuoteChar(c) + " in string literal");
            }
            if (c == '<' || c == '>' || c == '&') {
                out.write(src, start, i - start);
                out.writeAscii("\\u00");
                out.write(HEX[c >> 4]);
                out.write(HEX[c & 0xF]);
                start = i + 1;
            } else if (c == 0xE2 && i + 2 < src.length && src[i + 1] == (byte) 0x80
                    && (src[i + 2] & ~1) == (byte) 0xA8) {
                out.write(src, start, i - start);
                out.writeAscii("\\u202");
                out.write(HEX[src[i + 2] & 0xF]);
                start = i + 3;
            }
        }
        out.write(src, start, src.length - start);
    }

    private static String goQuoteChar(int c) {
        switch (c) {
            case '\n':
                return "'\\n'";
            case '\r':
                return "'\\r'";
            case '\t':
                return "'\\t'";
            default:
                return String.format("'\\x%02x'", c);
        }
    }

    /** A string as Go's non-canonical encoder writes it (HTML-safe, control characters escaped). */
    public static byte[] string(String s) {
        ByteSink out = new ByteSink(s.length() + 8);
        appendString(out, s);
        return out.toByteArray();
    }

    static void appendString(ByteSink out, String s) {
        byte[] utf8 = GoUtf8.encode(s);
        out.write('"');
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (b < 0x80) {
                if (b >= 0x20 && b != '\\' && b != '"' && b != '<' && b != '>' && b != '&') {
                    continue;
                }
                out.write(utf8, start, i - start);
                switch (b) {
                    case '\\':
                    case '"':
                        out.write('\\');
                        out.write(b);
                        break;
                    case '\n':
                        out.writeAscii("\\n");
                        break;
                    case '\r':
                        out.writeAscii("\\r");
                        break;
                    case '\t':
                        out.writeAscii("\\t");
                        break;
                    default:
                        out.writeAscii("\\u00");
                        out.write(HEX[b >> 4]);
                        out.write(HEX[b & 0xF]);
                }
                start = i + 1;
            } else if (b == 0xE2 && i + 2 < utf8.length && utf8[i + 1] == (byte) 0x80
                    && (utf8[i + 2] & ~1) == (byte) 0xA8) {
                out.write(utf8, start, i - start);
                out.writeAscii("\\u202");
                out.write(HEX[utf8[i + 2] & 0xF]);
                i += 2;
                start = i + 1;
            }
        }
        out.write(utf8, start, utf8.length - start);
        out.write('"');
    }

    /**
     * The bytes of a metadata file as notary writes it: {@code {"signed":} + htmlEscape(canonical) +
     * {@code ,"signatures":[…]}}, signatures in the given order, {@code []} when there are none.
     */
    public static byte[] envelope(byte[] canonicalSigned, List<? extends EnvelopeSignature> signatures) {
        ByteSink out = new ByteSink(canonicalSigned.length + 64 + signatures.size() * 220);
        out.writeAscii("{\"signed\":");
        appendHtmlEscaped(out, canonicalSigned);
        out.writeAscii(",\"signatures\":[");
        for (int i = 0; i < signatures.size(); i++) {
            EnvelopeSignature sig = signatures.get(i);
            if (i > 0) {
                out.write(',');
            }
            out.writeAscii("{\"keyid\":");
            appendString(out, sig.keyId());
            out.writeAscii(",\"method\":");
            appendString(out, sig.method());
            out.writeAscii(",\"sig\":");
            byte[] bytes = sig.sig();
            if (bytes == null) {
                out.writeAscii("null");
            } else {
                out.write('"');
                out.writeAscii(GoBase64.encode(bytes));
                out.write('"');
            }
            out.write('}');
        }
        out.writeAscii("]}");
        return out.toByteArray();
    }
}
