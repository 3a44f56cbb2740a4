package dev.notary4j.testkit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command to completion: output to temporary files (no pipe can fill up and stall it), stdin
 * closed unless input is given, environment variables starting with {@code NOTARY_} never inherited from the test
 * JVM, and the whole process tree killed when it outlives its timeout.
 */
final class ExternalCommand {

    /** What the command did; {@code finished} is false when it was killed at its timeout. */
    record Outcome(int exitCode, String stdout, String stderr, boolean finished) {
    }

    private ExternalCommand() {
    }

    /** {@code workDir} and {@code input} may be null (the JVM's directory; stdin at end of file). */
    static Outcome run(List<String> command, Map<String, String> environment, Path workDir, String input,
            Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("testkit-command-", ".out");
            stderr = Files.createTempFile("testkit-command-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                            : ProcessBuilder.Redirect.PIPE);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.environment().keySet().removeIf(name -> name.startsWith("NOTARY_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (input != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            return new Outcome(finished ? process.exitValue() : -1, Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** As {@link #run}, requiring exit code 0; the exception carries the command's output. */
    static Outcome runSuccessfully(List<String> command, Map<String, String> environment, Path workDir,
            Duration timeout) {
        Outcome outcome = run(command, environment, workDir, null, timeout);
        if (!outcome.finished() || outcome.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command)
                    + (outcome.finished() ? " exited with " + outcome.exitCode() : " timed out") + ":\n"
                    + outcome.stdout() + outcome.stderr());
        }
        return outcome;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file does not matter to the test
            }
        }
    }
}
