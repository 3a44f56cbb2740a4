package dev.notary4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our launchers (bin/...) as a process with its output in a log file; close() sends SIGTERM (Ctrl-C's path),
 * waits, and checks that nothing it started is left running.
 */
final class ServiceProcess implements AutoCloseable {

    /** Whether the service is ready; an exception counts as not yet. */
    interface ReadinessCheck {
        boolean ready() throws Exception;
    }

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), log);
    }

    /** Polls {@code check} until it says ready; stops the process and fails with its log otherwise. */
    ServiceProcess awaitReady(Duration timeout, ReadinessCheck check) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            boolean ready;
            try {
                ready = check.ready();
            } catch (Exception notYet) {
                ready = false;
            }
            if (ready) {
                return this;
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String output = output();
                close();
                throw new AssertionError(process.info().command().orElse("service") + " did not start:\n" + output);
            }
            Thread.sleep(200);
        }
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            assertThat(child.isAlive()).as("process %d left running", child.pid()).isFalse();
        }
    }
}
