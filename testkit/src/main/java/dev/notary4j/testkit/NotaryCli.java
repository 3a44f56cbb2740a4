package dev.notary4j.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Go {@code notary} CLI (Debian package {@code notary}) against one server: every call runs
 * {@code notary -d TRUST_DIR -s URL --tlscacert CA ARGS...} with passphrases from the environment and stdin closed
 * unless input is given. Immutable: the {@code with...} methods return a changed copy.
 *
 * <pre>{@code
 * NotaryCli cli = NotaryCli.forServer(tempDir.resolve("trust"), server.url(), pki.rootCaCert())
 *         .withPassphrase("testkit-passphrase");
 * cli.run("init", "example.com/app").requireSuccess();
 * cli.runWithInput("yes\n", "key", "rotate", "example.com/app", "root").requireSuccess();
 * }</pre>
 */
public final class NotaryCli {
    public static final String DEFAULT_BINARY = "notary";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The key roles whose passphrase the CLI reads from an environment variable instead of prompting. */
    public enum PassphraseRole {
        ROOT("NOTARY_ROOT_PASSPHRASE"),
        TARGETS("NOTARY_TARGETS_PASSPHRASE"),
        SNAPSHOT("NOTARY_SNAPSHOT_PASSPHRASE"),
        DELEGATION("NOTARY_DELEGATION_PASSPHRASE");

        private final String environmentVariable;

        PassphraseRole(String environmentVariable) {
            this.environmentVariable = environmentVariable;
        }

        public String environmentVariable() {
            return environmentVariable;
        }
    }

    /** What one CLI call did. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** This result, or a {@link NotaryCliException} carrying it when the exit code is not 0. */
        public Result requireSuccess() {
            if (!succeeded()) {
                throw new NotaryCliException("notary exited with " + exitCode, this, false);
            }
            return this;
        }
    }

    private final Path trustDir;
    private final String serverUrl;
    private final Path tlsCaCert;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final String binary;

    private NotaryCli(Path trustDir, String serverUrl, Path tlsCaCert, Map<String, String> environment,
            Duration timeout, String binary) {
        this.trustDir = trustDir;
        this.serverUrl = serverUrl;
        this.tlsCaCert = tlsCaCert;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
        this.binary = binary;
    }

    public static NotaryCli forServer(Path trustDir, String serverUrl, Path tlsCaCert) {
        return new NotaryCli(Objects.requireNonNull(trustDir, "trustDir"), Objects.requireNonNull(serverUrl,
                "serverUrl"), Objects.requireNonNull(tlsCaCert, "tlsCaCert"), Map.of(), DEFAULT_TIMEOUT,
                DEFAULT_BINARY);
    }

    /** The same passphrase for every role. */
    public NotaryCli withPassphrase(String passphrase) {
        NotaryCli cli = this;
        for (PassphraseRole role : PassphraseRole.values()) {
            cli = cli.withPassphrase(role, passphrase);
        }
        return cli;
    }

    public NotaryCli withPassphrase(PassphraseRole role, String passphrase) {
        return withEnvironment(role.environmentVariable(), Objects.requireNonNull(passphrase, "passphrase"));
    }

    /** An extra environment variable for the CLI (NOTARY_* variables of the test JVM are never inherited). */
    public NotaryCli withEnvironment(String name, String value) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.put(name, value);
        return new NotaryCli(trustDir, serverUrl, tlsCaCert, changed, timeout, binary);
    }

    public NotaryCli withTimeout(Duration timeout) {
        return new NotaryCli(trustDir, serverUrl, tlsCaCert, environment, Objects.requireNonNull(timeout,
                "timeout"), binary);
    }

    /** Another notary-compatible CLI executable (a command on PATH or a path). */
    public NotaryCli withBinary(String binary) {
        return new NotaryCli(trustDir, serverUrl, tlsCaCert, environment, timeout, Objects.requireNonNull(binary,
                "binary"));
    }

    public Path trustDir() {
        return trustDir;
    }

    public String serverUrl() {
        return serverUrl;
    }

    /** Runs the CLI with stdin closed (a prompt reads end of file instead of hanging). */
    public Result run(String... args) {
        return execute(null, args);
    }

    /** Runs the CLI with {@code input} on stdin, e.g. {@code "yes\n"} for the root rotation prompt. */
    public Result runWithInput(String input, String... args) {
        return execute(Objects.requireNonNull(input, "input"), args);
    }

    private Result execute(String input, String... args) {
        List<String> command = new ArrayList<>(List.of(GoBinaries.require(binary).toString(),
                "-d", trustDir.toString(), "-s", serverUrl, "--tlscacert", tlsCaCert.toString()));
        command.addAll(List.of(args));
        ExternalCommand.Outcome outcome = ExternalCommand.run(command, environment, null, input, timeout);
        Result result = new Result(List.copyOf(command), outcome.exitCode(), outcome.stdout(), outcome.stderr());
        if (!outcome.finished()) {
            throw new NotaryCliException("notary did not finish within " + timeout.toSeconds() + " s", result, true);
        }
        return result;
    }
}
