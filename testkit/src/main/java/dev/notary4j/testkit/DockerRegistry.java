package dev.notary4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The real docker-registry (Debian package) on loopback, plain HTTP, filesystem storage, and skopeo to push images
 * into it: what a {@code docker push} with content trust writes to the registry, without a docker daemon.
 */
public final class DockerRegistry implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration SKOPEO_TIMEOUT = Duration.ofSeconds(60);

    private final PeerProcess process;
    private final int port;
    private final Path workDir;

    /** What the registry serves for a pushed tag: the manifest's sha256 (hex) and size, what docker signs. */
    public record PushedImage(String repository, String tag, String manifestSha256, long manifestSize) {
        public String reference() {
            return repository + ":" + tag;
        }
    }

    private DockerRegistry(PeerProcess process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    public static DockerRegistry start(Path parent) {
        Path dir = PeerProcess.createWorkDirectory(parent, "docker-registry");
        return PeerProcess.onFreePort(port -> {
            Path config = dir.resolve("config-" + port + ".yml");
            try {
                Files.writeString(config, "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: "
                        + dir.resolve("data") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PeerProcess registry = PeerProcess.start("docker-registry",
                    List.of(GoBinaries.require("docker-registry", "docker-registry").toString(), "serve", config.toString()), Map.of(), dir,
                    dir.resolve("registry-" + port + ".log"));
            registry.awaitReady(STARTUP, () -> new Socket("127.0.0.1", port).close());
            return new DockerRegistry(registry, port, dir);
        });
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** Pushes a fresh one-layer image as {@code host()/path:tag} with skopeo and reads back its manifest. */
    public PushedImage push(String path, String tag) {
        String repository = host() + "/" + path;
        Path layout = workDir.resolve("oci-" + path.replace('/', '_') + "-" + tag);
        try {
            OciLayout.write(layout, tag);
            skopeo("copy", "--dest-tls-verify=false", "oci:" + layout + ":" + tag, "docker://" + repository + ":" + tag);
            byte[] manifest = skopeo("inspect", "--tls-verify=false", "--raw", "docker://" + repository + ":" + tag);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
            if (!OciLayout.manifestDigest(layout).equals("sha256:" + sha256)) {
                throw new IllegalStateException("the registry serves another manifest than the one pushed");
            }
            return new PushedImage(repository, tag, sha256, manifest.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] skopeo(String... args) {
        List<String> command = new ArrayList<>(List.of(GoBinaries.require("skopeo", "skopeo").toString()));
        command.addAll(List.of(args));
        return ExternalCommand.runSuccessfully(command, Map.of(), workDir, SKOPEO_TIMEOUT).stdout()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.close();
    }
}
