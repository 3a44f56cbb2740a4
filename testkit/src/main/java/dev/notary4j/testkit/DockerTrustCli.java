package dev.notary4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The docker CLI's {@code trust} commands (Debian package docker.io; they need no daemon) against one notary
 * server: a private DOCKER_CONFIG holding the server's CA under {@code tls/host:port} and the registry credentials
 * docker also hands to the notary token service, and fixed passphrases for the keys docker makes.
 */
public final class DockerTrustCli {
    public static final String PASSPHRASE = "docker-trust-passphrase";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path config;
    private final Path workDir;
    private final String serverUrl;

    private DockerTrustCli(Path config, Path workDir, String serverUrl) {
        this.config = config;
        this.workDir = workDir;
        this.serverUrl = serverUrl;
    }

    /**
     * A docker client for {@code serverUrl} (https://host:port, trusting {@code serverCa}) whose credentials for
     * {@code registryHost} are {@code user:password}; {@code workDir} receives its config and the keys it writes.
     */
    public static DockerTrustCli forServer(Path workDir, String serverUrl, Path serverCa, String registryHost,
            String userColonPassword) {
        Path config = workDir.resolve("docker-config");
        Path caDir = config.resolve("tls").resolve(serverUrl.replaceFirst("^https://", ""));
        try {
            Files.createDirectories(caDir);
            Files.copy(serverCa, caDir.resolve("ca.crt"));
            Files.write(config.resolve("config.json"), JSON.writeValueAsBytes(Map.of("auths",
                    Map.of(registryHost, Map.of("auth", base64(userColonPassword))))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DockerTrustCli(config, workDir, serverUrl);
    }

    /** Docker's trust directory ({@code DOCKER_CONFIG/trust}), which the notary CLI can use as its own. */
    public Path trustDir() {
        return config.resolve("trust");
    }

    /** {@code docker ARGS...}: its output (stdout then stderr); an IllegalStateException with it when it fails. */
    public String run(String... args) {
        List<String> command = new ArrayList<>(List.of(GoBinaries.require("docker", "docker.io").toString()));
        command.addAll(List.of(args));
        ExternalCommand.Outcome outcome = ExternalCommand.runSuccessfully(command, Map.of(
                "DOCKER_CONFIG", config.toString(),
                "DOCKER_CONTENT_TRUST_SERVER", serverUrl,
                "DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", PASSPHRASE,
                "DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", PASSPHRASE,
                "DOCKER_HOST", "unix://" + workDir.resolve("no-daemon.sock")), workDir, TIMEOUT);
        return outcome.stdout() + outcome.stderr();
    }

    /** notary's {@code NOTARY_AUTH} value (base64 of {@code user:password}). */
    public static String base64(String userColonPassword) {
        return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
