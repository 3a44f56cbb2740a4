package dev.notary4j.tuf.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * PEM as Go's {@code encoding/pem} reads and writes it. Hand-written rather than Bouncy Castle's reader because
 * notary's acceptance depends on Go's exact behaviour: malformed blocks are skipped (not fatal), text between
 * blocks is ignored, base64 must be padded, and header lines are anything containing ':'.
 */
final class Pem {
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NL_BEGIN = "\n-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "-----END ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NL_END = "\n-----END ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DASHES = "-----".getBytes(StandardCharsets.US_ASCII);

    /** One decoded block; {@code hasHeaders} is all notary ever asks about headers. */
    record Block(String type, boolean hasHeaders, byte[] bytes) {
    }

    private Pem() {
    }

    /** Every block Go's repeated {@code pem.Decode} would return, in order. */
    static List<Block> decodeAll(byte[] data) {
        List<Block> blocks = new ArrayList<>();
        int position = 0;
        while (true) {
            Decoded decoded = decode(data, position);
            if (decoded == null) {
                return blocks;
            }
            blocks.add(decoded.block);
            position = decoded.rest;
        }
    }

    /** The first block, as a single Go {@code pem.Decode} call returns it. */
    static Optional<Block> decodeFirst(byte[] data) {
        Decoded decoded = decode(data, 0);
        return decoded == null ? Optional.empty() : Optional.of(decoded.block);
    }

    /** Go's {@code pem.EncodeToMemory} for a headerless block: 64-column base64, every line ending in LF. */
    static String encode(String type, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / 64 + 2 * type.length() + 40);
        out.append("-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return out.append("-----END ").append(type).append("-----\n").toString();
    }

    private record Decoded(Block block, int rest) {
    }

    private static Decoded decode(byte[] data, int from) {
        int rest = from;
        while (true) {
            if (startsWith(data, rest, BEGIN)) {
                rest += BEGIN.length;
            } else {
                int i = indexOf(data, rest, NL_BEGIN);
                if (i < 0) {
                    return null;
                }
                rest = i + NL_BEGIN.length;
            }
            Line typeLine = line(data, rest);
            rest = typeLine.next;
            if (!endsWith(data, typeLine.start, typeLine.end, DASHES)) {
                continue;
            }
            int typeEnd = typeLine.end - DASHES.length;
            byte[] type = slice(data, typeLine.start, typeEnd);

            boolean hasHeaders = false;
            boolean truncated = false;
            while (true) {
                if (rest >= data.length) {
                    truncated = true;
                    break;
                }
                Line header = line(data, rest);
                if (indexOf(data, header.start, header.end, (byte) ':') < 0) {
                    break;
                }
                hasHeaders = true;
                rest = header.next;
            }
            if (truncated) {
                return null;
            }

            int endIndex;
            int trailerIndex;
            if (!hasHeaders && startsWith(data, rest, END)) {
                endIndex = rest;
                trailerIndex = rest + END.length;
            } else {
                endIndex = indexOf(data, rest, NL_END);
                trailerIndex = endIndex + NL_END.length;
            }
            if (endIndex < 0) {
                continue;
            }
            int trailerLength = type.length + DASHES.length;
            if (data.length - trailerIndex < trailerLength
                    || !startsWith(data, trailerIndex, type)
                    || !startsWith(data, trailerIndex + type.length, DASHES)) {
                continue;
            }
            Line restOfEndLine = line(data, trailerIndex + trailerLength);
            if (restOfEndLine.end > restOfEndLine.start) {
                continue;
            }
            byte[] body = base64Decode(data, rest, endIndex);
            if (body == null) {
                continue;
            }
            return new Decoded(new Block(new String(type, StandardCharsets.ISO_8859_1), hasHeaders, body),
                    restOfEndLine.next);
        }
    }

    /** Go's StdEncoding.Decode after removing spaces and tabs: CR/LF ignored, padding required. */
    private static byte[] base64Decode(byte[] data, int from, int to) {
        ByteArrayOutputStream compact = new ByteArrayOutputStream(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                compact.write(b);
            }
        }
        byte[] text = compact.toByteArray();
        if (text.length % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Line(int start, int end, int next) {
    }

    /** Go's {@code getLine}: the line without its LF and trailing spaces, tabs and CRs. */
    private static Line line(byte[] data, int from) {
        int newline = indexOf(data, from, data.length, (byte) '\n');
        int end = newline < 0 ? data.length : newline;
        int next = newline < 0 ? data.length : newline + 1;
        while (end > from && (data[end - 1] == ' ' || data[end - 1] == '\t' || data[end - 1] == '\r')) {
            end--;
        }
        return new Line(from, Math.max(from, end), next);
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at < 0 || data.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] data, int start, int end, byte[] suffix) {
        return end - start >= suffix.length && startsWith(data, end - suffix.length, suffix);
    }

    private static int indexOf(byte[] data, int from, byte[] needle) {
        for (int i = from; i <= data.length - needle.length; i++) {
            if (startsWith(data, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] data, int from, int to, byte needle) {
        for (int i = from; i < to; i++) {
            if (data[i] == needle) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(data, from, out, 0, out.length);
        return out;
    }
}
