package dev.notary4j.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A successful answer: status, body, and the {@code Last-Modified} time of metadata responses (null otherwise).
 * Go writes bodies without a Content-Type, so its sniffer answers {@code text/plain; charset=utf-8} for JSON and
 * nothing for empty bodies; {@code contentType} null reproduces that.
 */
record Reply(int status, String contentType, byte[] body, Instant lastModified) {

    static final String SNIFFED_TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    static Reply text(byte[] body) {
        return new Reply(200, body.length == 0 ? null : SNIFFED_TEXT, body, null);
    }

    static Reply text(String body) {
        return text(body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply metadata(byte[] body, Instant lastModified) {
        return new Reply(200, SNIFFED_TEXT, body, lastModified);
    }

    static Reply empty() {
        return new Reply(200, null, new byte[0], null);
    }
}
