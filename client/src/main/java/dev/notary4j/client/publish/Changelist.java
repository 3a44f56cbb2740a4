package dev.notary4j.client.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The changes staged for a GUN, one file each under {@code <trust dir>/tuf/<gun>/changelist/}, named
 * {@code <20-digit nanos>_<uuid>.change} as notary names them, applied in name order by {@code publish}.
 */
public final class Changelist {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_CHANGE_BYTES = 1 << 20;

    private final Path directory;

    public Changelist(Path trustDir, String gun) {
        this.directory = trustDir.resolve("tuf").resolve(gun).resolve("changelist");
    }

    public void add(Change change) throws IOException {
        Files.createDirectories(directory);
        long nanos = System.currentTimeMillis() * 1_000_000L + System.nanoTime() % 1_000_000L;
        String name = String.format("%020d_%s.change", nanos, UUID.randomUUID());
        Files.write(directory.resolve(name), JSON.writeValueAsBytes(change));
    }

    public List<Change> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".change")).sorted().toList()) {
                if (Files.size(file) > MAX_CHANGE_BYTES) {
                    throw new IOException("change file " + file + " is larger than 1 MiB");
                }
                changes.add(JSON.readValue(file.toFile(), Change.class));
            }
        }
        return changes;
    }

    public void clear() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".change")).toList()) {
                Files.delete(file);
            }
        }
    }
}
