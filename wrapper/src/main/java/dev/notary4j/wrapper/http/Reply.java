package dev.notary4j.wrapper.http;

import java.nio.charset.StandardCharsets;

/** A response, and the outcome label the metrics count it under. */
public record Reply(int status, String contentType, byte[] body, String outcome) {
    public static final String JSON = "application/json";

    public static Reply json(int status, String json, String outcome) {
        // Go's json.Encoder ends every document with a newline; notary-wrapper's callers saw that.
        return new Reply(status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8), outcome);
    }

    public static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8),
                Integer.toString(status));
    }
}
