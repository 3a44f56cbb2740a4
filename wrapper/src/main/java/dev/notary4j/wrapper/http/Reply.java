package dev.notary4j.wrapper.http;

import java.nio.charset.StandardCharsets;

/** A response, and the outcome label the metrics count it under. */
public record Reply(int status, String contentType, byte[] body, String outcome) {
    public static final String JSON = "application/json";

    public static Reply json(int status, String json, String outcome) {
        // Go's json.Encoder escapes these (outside strings they cannot occur) and ends every document with a
        // newline; notary-wrapper's callers saw exactly that.
        return new Reply(status, JSON, (goEscaped(json) + "\n").getBytes(StandardCharsets.UTF_8), outcome);
    }

    private static String goEscaped(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
            }
        }
        return json;
    }

    public static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8),
                Integer.toString(status));
    }
}
