package dev.notary4j.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the Go binaries the tests run: notary's (Debian package {@value #DEBIAN_PACKAGE}) and their neighbours. */
final class GoBinaries {
    static final String DEBIAN_PACKAGE = "notary";

    private GoBinaries() {
    }

    /** The executable for {@code name} (a command on PATH or a path), or a {@link MissingBinaryException}. */
    static Path require(String name) {
        return require(name, DEBIAN_PACKAGE);
    }

    /** The executable for {@code name}, installed by the Debian package {@code debianPackage}. */
    static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new MissingBinaryException(name, debianPackage));
    }

    private static Optional<Path> find(String name) {
        if (name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
