package dev.notary4j.server.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A POST update body as the notary client sends it (one {@code files} part per role, filename without
 * {@code .json}), or any other body for the transport-level rules. {@code files} maps each role name it mentions to
 * the data of its last part (the one that counts).
 */
record Upload(String contentType, byte[] body, Map<String, byte[]> files) {

    static final String BOUNDARY = "conformance-boundary";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    static Builder multipart() {
        return new Builder();
    }

    /** A body sent as is, with this Content-Type (null: none). */
    static Upload raw(String contentType, String body) {
        return new Upload(contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static final class Builder {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        /** A part as the notary client writes it; the role is also the filename. */
        Builder file(String role, byte[] data) {
            return part(role, "Content-Disposition: form-data; name=\"files\"; filename=\"" + role + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n", data);
        }

        Builder file(String role, String data) {
            return file(role, data.getBytes(StandardCharsets.UTF_8));
        }

        /** A part with these raw header lines (each ending in CRLF); {@code role} is only recorded for watching. */
        Builder part(String role, String headers, byte[] data) {
            files.remove(role);
            files.put(role, data.clone());
            body.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(data);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Upload build() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Upload(MULTIPART, all.toByteArray(), Map.copyOf(files));
        }

        /** The parts without the closing delimiter: the stream ends right after the last part. */
        Upload withoutClosingDelimiter() {
            return new Upload(MULTIPART, body.toByteArray(), Map.copyOf(files));
        }

        /** The parts, then a part for {@code role} whose data {@code start} is where the stream ends. */
        Upload endingInside(String role, String start) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + role
                    + "\"\r\n\r\n" + start).getBytes(StandardCharsets.UTF_8));
            return new Upload(MULTIPART, all.toByteArray(), Map.copyOf(files));
        }

        /** The parts, then the start of one more part whose header lines are cut off. */
        Upload cutInsideHeaders() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"tar")
                    .getBytes(StandardCharsets.UTF_8));
            return new Upload(MULTIPART, all.toByteArray(), Map.copyOf(files));
        }
    }
}
