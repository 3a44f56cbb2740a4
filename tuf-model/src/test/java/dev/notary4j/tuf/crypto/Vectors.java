package dev.notary4j.tuf.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Reads the Go-produced files under {@code crypto-vectors/} (see the README there). */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/crypto-vectors/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes Go signed: the raw {@code signed} member of a Go-written file. Go embeds the canonical bytes
     * verbatim apart from HTML escaping, so this holds only for files without JSON unicode escapes (asserted).
     */
    static byte[] signedBytes(String path) {
        byte[] file = bytes(path);
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"signed\":").doesNotContain("\\" + "u");
        int end = text.lastIndexOf(",\"signatures\":[");
        return Arrays.copyOfRange(file, "{\"signed\":".length(), end);
    }

    static TufKey key(JsonNode keyObject) {
        return new TufKey(keyObject.get("keytype").asText(),
                Base64.getDecoder().decode(keyObject.get("keyval").get("public").asText()));
    }

    static byte[] sig(JsonNode signature) {
        return Base64.getDecoder().decode(signature.get("sig").asText());
    }
}
