package dev.notary4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerProcessTest {
    @TempDir
    Path dir;

    @Test
    void closeStopsTheProcessAndWhatItSpawned() throws Exception {
        Path launcher = dir.resolve("launcher.sh");
        Files.writeString(launcher, """
                #!/bin/sh
                sleep 300 &
                echo "child $!"
                wait
                """);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Path log = dir.resolve("launcher.log");
        PeerProcess process = PeerProcess.start("launcher", List.of(launcher.toString()), Map.of(), dir, log);
        process.awaitReady(Duration.ofSeconds(5), () -> {
            if (!Files.readString(log).contains("child ")) {
                throw new IllegalStateException("child not started yet");
            }
        });
        long child = Long.parseLong(Files.readString(log).replaceAll("(?s).*child (\\d+).*", "$1"));
        assertThat(ProcessHandle.of(child)).isPresent();

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void aProcessThatExitsDuringStartupFailsWithItsLog() {
        Path log = dir.resolve("false.log");
        PeerProcess process = PeerProcess.start("failing-peer", List.of("sh", "-c", "echo config broken; exit 7"),
                Map.of(), dir, log);

        assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("never ready");
        })).isInstanceOfSatisfying(PeerStartupException.class, e -> {
            assertThat(e.peer()).isEqualTo("failing-peer");
            assertThat(e.getMessage()).contains("exited with code 7");
            assertThat(e.logTail()).contains("config broken");
        });
    }

    @Test
    void retriesOnAnotherPortOnlyWhenThePortWasTaken() {
        List<Integer> ports = new ArrayList<>();
        String started = PeerProcess.onFreePort(port -> {
            ports.add(port);
            if (ports.size() == 1) {
                throw new PeerStartupException("peer", "exited", dir.resolve("log"),
                        "listen tcp 127.0.0.1:" + port + ": bind: address already in use");
            }
            return "started on " + port;
        });
        assertThat(ports).hasSize(2);
        assertThat(started).isEqualTo("started on " + ports.get(1));

        List<Integer> attempts = new ArrayList<>();
        assertThatThrownBy(() -> PeerProcess.onFreePort(port -> {
            attempts.add(port);
            throw new PeerStartupException("peer", "exited", dir.resolve("log"), "bad config");
        })).isInstanceOf(PeerStartupException.class);
        assertThat(attempts).hasSize(1);
    }
}
