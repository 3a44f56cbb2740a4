package dev.notary4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.testkit.FreePorts;
import dev.notary4j.testkit.NotaryCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: bin/quickstart starts server and signer on the embedded store, the real notary CLI
 * initialises, publishes and lists against the URL it prints, and after a restart a fresh client lists the same data.
 */
class QuickstartIT {

    private static final Path REPO = Path.of(System.getProperty("notary4j.repo", "..")).toAbsolutePath().normalize();
    private static final String GUN = "example.com/quickstart/app";

    @TempDir
    Path dir;

    @Test
    void publishThenRestartKeepsTheData() throws Exception {
        int[] ports = FreePorts.pick(2);
        Path data = dir.resolve("data");
        Path target = Files.writeString(dir.resolve("artifact.txt"), "quickstart\n");
        String url = "https://localhost:" + ports[0];

        try (Quickstart first = Quickstart.start(data, ports)) {
            assertThat(first.output()).contains(url).contains("--tlscacert " + data.resolve("pki/root-ca.crt"));
            NotaryCli cli = NotaryCli.forServer(dir.resolve("trust"), url, data.resolve("pki/root-ca.crt"))
                    .withPassphrase("quickstart passphrase");
            cli.run("init", GUN).requireSuccess();
            cli.run("add", GUN, "v1", target.toString()).requireSuccess();
            cli.run("publish", GUN).requireSuccess();
            assertThat(cli.run("list", GUN).requireSuccess().stdout()).contains("v1");
        }

        try (Quickstart second = Quickstart.start(data, ports)) {
            NotaryCli fresh = NotaryCli.forServer(dir.resolve("fresh-trust"), url, data.resolve("pki/root-ca.crt"));
            assertThat(fresh.run("list", GUN).requireSuccess().stdout())
                    .contains("v1");
        }
    }

    /** bin/quickstart as a process; close() sends SIGTERM (Ctrl-C's path through the same trap) and waits. */
    private record Quickstart(Process process, Path log) implements AutoCloseable {

        static Quickstart start(Path data, int[] ports) throws IOException, InterruptedException {
            Files.createDirectories(data);
            Path log = Files.createTempFile(data.getParent(), "quickstart", ".log");
            ProcessBuilder builder = new ProcessBuilder(REPO.resolve("bin/quickstart").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NOTARY4J_DATA", data.toString());
            builder.environment().put("NOTARY4J_SERVER_PORT", String.valueOf(ports[0]));
            builder.environment().put("NOTARY4J_SIGNER_PORT", String.valueOf(ports[1]));
            builder.environment().put("NOTARY4J_SKIP_BUILD", "1");
            Quickstart quickstart = new Quickstart(builder.start(), log);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!quickstart.output().contains("Press Ctrl-C to stop.")) {
                if (!quickstart.process.isAlive() || Instant.now().isAfter(deadline)) {
                    String output = quickstart.output();
                    quickstart.close();
                    throw new AssertionError("bin/quickstart did not start:\n" + output);
                }
                Thread.sleep(200);
            }
            return quickstart;
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
}
