package dev.notary4j.client.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Verified metadata of one repository on one server, kept as {@code <trustDir>/tuf-cache/<server>/<GUN>/metadata/
 * <role>.json} (plain role names, as notary). Unlike notary's cache it is keyed by server too, so a root trusted
 * from one server never vouches for another.
 *
 * <p>Files are replaced atomically (write to a temporary file, then rename), so readers never see a partial file.
 * {@link #lock()} serialises whole update cycles between threads (a JVM lock) and processes (a file lock).
 */
public final class MetadataCache {
    private static final Pattern ROLE = Pattern.compile("^(root|timestamp|snapshot|targets(/[-a-z0-9_]+)*)$");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path metadataDir;

    private MetadataCache(Path metadataDir) {
        this.metadataDir = metadataDir;
    }

    /** The cache of {@code gun} on {@code server} under {@code trustDir}. */
    public static MetadataCache of(Path trustDir, URI server, String gun) {
        return new MetadataCache(trustDir.resolve("tuf-cache").resolve(serverDirectory(server))
                .resolve(checkedGunPath(gun)).resolve("metadata").toAbsolutePath().normalize());
    }

    public Path directory() {
        return metadataDir;
    }

    /** {@code https://Host:4443/x} becomes {@code https_host_4443}: one directory per scheme, host and port. */
    static String serverDirectory(URI server) {
        String scheme = Optional.ofNullable(server.getScheme()).orElse("https").toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(server.getHost()).orElse("unknown").toLowerCase(Locale.ROOT);
        int port = server.getPort() >= 0 ? server.getPort() : scheme.equals("http") ? 80 : 443;
        return (scheme + "_" + host + "_" + port).replaceAll("[^a-z0-9._-]", "_");
    }

    private static String checkedGunPath(String gun) {
        for (String segment : gun.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                throw new IllegalArgumentException("GUN cannot be used as a cache path: " + gun);
            }
        }
        return gun;
    }

    /** The cached bytes of {@code role}; empty when absent or larger than {@code maxBytes}. */
    public Optional<byte[]> read(String role, long maxBytes) {
        Path file = fileOf(role);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8) + 1);
            return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached " + role, e);
        }
    }

    /** Atomically replaces the cached {@code role} with {@code bytes}. */
    public void write(String role, byte[] bytes) {
        Path file = fileOf(role);
        try {
            createPrivateDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".json");
            try {
                Files.write(temp, bytes);
                setMode(temp, FILE_MODE);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cached " + role, e);
        }
    }

    /** Removes the cached {@code role}, if any. */
    public void delete(String role) {
        try {
            Files.deleteIfExists(fileOf(role));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete cached " + role, e);
        }
    }

    /** Holds the repository exclusively (threads of this JVM and other processes) until closed. */
    public Lock lock() {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(metadataDir, k -> new ReentrantLock());
        jvmLock.lock();
        try {
            createPrivateDirectories(metadataDir);
            FileChannel channel = FileChannel.open(metadataDir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Lock(jvmLock, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            jvmLock.unlock();
            throw new UncheckedIOException("cannot lock " + metadataDir, e);
        } catch (RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    /** An exclusive hold on one repository's cache. */
    public static final class Lock implements AutoCloseable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Lock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
            this.jvmLock = jvmLock;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                jvmLock.unlock();
            }
        }
    }

    private Path fileOf(String role) {
        if (!ROLE.matcher(role).matches() || role.length() > 255) {
            throw new IllegalArgumentException("not a role name: " + role);
        }
        return metadataDir.resolve(role + ".json");
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(dir);
            setMode(dir, DIR_MODE);
        } catch (FileAlreadyExistsException raced) {
            // another thread or process created it first
        }
    }

    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file systems keep their defaults
        }
    }
}
