package dev.notary4j.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** Reads a response body while counting, so that a body larger than allowed is refused as soon as it is. */
final class CappedBody {
    private CappedBody() {
    }

    /** The body bytes, or {@link MaliciousServerException} once the announced length or the bytes read pass {@code limit}. */
    static byte[] read(String name, HttpResponse<InputStream> response, long limit) throws IOException {
        try (InputStream in = response.body()) {
            long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > limit) {
                throw new MaliciousServerException(name, limit);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(announced, 0), 1 << 16));
            byte[] chunk = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) >= 0) {
                total += n;
                if (total > limit) {
                    throw new MaliciousServerException(name, limit);
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** At most {@code limit} bytes of the body, silently truncated: for error details only. */
    static String prefix(HttpResponse<InputStream> response, int limit) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(limit), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
