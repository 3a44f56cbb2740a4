package dev.notary4j.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** A started reference peer: its output goes to a log file, close() stops it and everything it spawned. */
final class PeerProcess implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path logFile;

    private PeerProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Something that throws until the peer is ready; the exception message says what is missing. */
    interface ReadinessCheck {
        void check() throws Exception;
    }

    /**
     * Runs {@code launch} on a free port, again on another one when the peer lost the race for it.
     */
    static <T> T onFreePort(IntFunction<T> launch) {
        for (int attempt = 1;; attempt++) {
            try {
                return launch.apply(FreePorts.pick());
            } catch (PeerStartupException e) {
                if (!e.lostPortRace() || attempt == PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A fresh directory for one peer's config and log, so that several peers can share a parent. */
    static Path createWorkDirectory(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + parent, e);
        }
    }

    static PeerProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        try {
            return new PeerProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /**
     * Polls {@code check} until it passes; stops the process and throws if it exits or the timeout passes first.
     */
    void awaitReady(Duration timeout, ReadinessCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no check ran";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw startupFailure("exited with code " + process.exitValue() + " during startup");
            }
            try {
                check.check();
                return;
            } catch (Exception e) {
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            sleep(POLL_INTERVAL);
        }
        throw startupFailure("not ready within " + timeout.toSeconds() + " s (last check: " + lastProblem + ")");
    }

    private PeerStartupException startupFailure(String reason) {
        close();
        return new PeerStartupException(name, reason, logFile, logTail());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for failure messages. */
    String logTail() {
        try {
            String[] lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\n");
            return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_TAIL_LINES),
                    lines.length));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the process tree: TERM to children and the process, KILL after a grace period, then waits. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            for (ProcessHandle child : tree) {
                child.destroyForcibly();
                child.onExit().get(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") left a process behind", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a peer to start", e);
        }
    }
}
