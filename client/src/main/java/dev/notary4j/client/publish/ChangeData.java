package dev.notary4j.client.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.FileMeta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code data} of a staged change as notary's CLI writes it: a target's file meta, or a TUFDelegation. */
final class ChangeData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A delegation change: keys to add, paths to add, and the threshold (0 = unchanged). */
    record Delegation(List<TufKey> addKeys, List<String> addPaths, int threshold) {
    }

    private ChangeData() {
    }

    static byte[] target(FileMeta meta) {
        ObjectNode node = JSON.createObjectNode();
        node.put("length", meta.length());
        ObjectNode hashes = node.putObject("hashes");
        meta.hashes().forEach((alg, digest) -> hashes.put(alg, Base64.getEncoder().encodeToString(digest)));
        return bytes(node);
    }

    static FileMeta target(byte[] data) throws IOException {
        JsonNode node = JSON.readTree(data);
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        node.path("hashes").fields().forEachRemaining(e -> hashes.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        if (!node.path("length").canConvertToLong() || hashes.isEmpty()) {
            throw new IOException("staged target change without length or hashes");
        }
        return new FileMeta(node.path("length").asLong(), hashes, null);
    }

    static byte[] delegation(Delegation delegation) {
        ObjectNode node = JSON.createObjectNode();
        if (delegation.threshold() > 0) {
            node.put("threshold", delegation.threshold());
        }
        ArrayNode keys = node.putArray("add_keys");
        for (TufKey key : delegation.addKeys()) {
            ObjectNode k = keys.addObject();
            k.put("keytype", key.keyType());
            ObjectNode keyval = k.putObject("keyval");
            keyval.putNull("private");
            keyval.put("public", Base64.getEncoder().encodeToString(key.publicBytes()));
        }
        ArrayNode paths = node.putArray("add_paths");
        delegation.addPaths().forEach(paths::add);
        return bytes(node);
    }

    static Delegation delegation(byte[] data) throws IOException {
        JsonNode node = JSON.readTree(data);
        List<TufKey> keys = new ArrayList<>();
        for (JsonNode k : node.path("add_keys")) {
            keys.add(new TufKey(k.path("keytype").asText(), Base64.getDecoder().decode(k.path("keyval").path("public").asText())));
        }
        List<String> paths = new ArrayList<>();
        node.path("add_paths").forEach(p -> paths.add(p.asText()));
        return new Delegation(keys, paths, node.path("threshold").asInt(0));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
