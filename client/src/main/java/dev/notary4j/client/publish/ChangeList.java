package dev.notary4j.client.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.client.cache.MetadataCache;
import java.io.IOException;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Staged, unpublished state of one repository: changes as notary's changelist files
 * ({@code <20-digit nanos>_<uuid>.change} holding {@code {"action","role","type","path","data"}}, applied in name
 * order) and, after {@code init}, the signed root waiting for the first publish ({@code root.json}).
 */
public final class ChangeList {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_CHANGE_BYTES = 16 << 20;
    private static final String STAGED_ROOT = "root.json";
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    private final Path dir;

    public ChangeList(Path dir) {
        this.dir = dir;
    }

    /** The changelist of {@code gun} on {@code server}: next to its metadata cache, as notary keeps it. */
    public static ChangeList of(Path trustDir, URI server, String gun) {
        return new ChangeList(MetadataCache.of(trustDir, server, gun).directory().resolveSibling("changelist"));
    }

    public void stageRoot(byte[] root) {
        write(STAGED_ROOT, root);
    }

    public Optional<byte[]> stagedRoot() {
        Path file = dir.resolve(STAGED_ROOT);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(Change change) {
        ObjectNode record = JSON.createObjectNode();
        record.put("action", "create");
        ObjectNode data = JSON.createObjectNode();
        if (change instanceof Change.AddTarget t) {
                record.put("role", t.role()).put("type", "target").put("path", t.name());
                data.put("length", t.meta().length());
                ObjectNode hashes = data.putObject("hashes");
                t.meta().hashes().forEach((alg, digest) -> hashes.put(alg, Base64.getEncoder().encodeToString(digest)));
        } else if (change instanceof Change.AddDelegation d) {
                record.put("role", d.role()).put("type", "delegation").put("path", "");
                data.put("threshold", 1);
                ArrayNode keys = data.putArray("add_keys");
                for (TufKey key : d.keys()) {
                    ObjectNode k = keys.addObject().put("keytype", key.keyType());
                    k.putObject("keyval").putNull("private")
                            .put("public", Base64.getEncoder().encodeToString(key.publicBytes()));
                }
                ArrayNode paths = data.putArray("add_paths");
                d.paths().forEach(paths::add);
        }
        try {
            record.put("data", JSON.writeValueAsBytes(data));
            String name = String.format("%020d_%s.change", nextStamp(), UUID.randomUUID());
            write(name, JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unix nanoseconds, strictly increasing within this JVM so that name order is staging order. */
    private static long nextStamp() {
        Instant now = Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return LAST_STAMP.updateAndGet(last -> Math.max(last + 1, nanos));
    }

    /** Staged changes in the order they were made. */
    public List<Change> changes() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".change")).sorted().toList()) {
                if (Files.size(file) > MAX_CHANGE_BYTES) {
                    throw new PublishException("change file " + file + " is too large");
                }
                changes.add(parse(JSON.readTree(file.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changes;
    }

    /** Forgets everything staged, once it is published. */
    public void clear() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Change parse(JsonNode record) throws IOException {
        JsonNode data = JSON.readTree(record.path("data").binaryValue());
        String role = record.path("role").asText();
        return switch (record.path("type").asText()) {
            case "target" -> {
                Map<String, byte[]> hashes = new LinkedHashMap<>();
                data.path("hashes").properties().forEach(e -> hashes.put(e.getKey(),
                        Base64.getDecoder().decode(e.getValue().asText())));
                yield new Change.AddTarget(role, record.path("path").asText(),
                        new FileMeta(data.path("length").asLong(), hashes, null));
            }
            case "delegation" -> {
                List<TufKey> keys = new ArrayList<>();
                for (JsonNode key : data.path("add_keys")) {
                    keys.add(new TufKey(key.path("keytype").asText(),
                            Base64.getDecoder().decode(key.path("keyval").path("public").asText())));
                }
                List<String> paths = new ArrayList<>();
                data.path("add_paths").forEach(p -> paths.add(p.asText()));
                yield new Change.AddDelegation(role, keys, paths);
            }
            default -> throw new PublishException("unsupported change type " + record.path("type").asText());
        };
    }

    private void write(String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
