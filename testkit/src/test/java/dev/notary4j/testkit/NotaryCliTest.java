package dev.notary4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How NotaryCli calls a CLI, checked with shell stand-ins; the real CLI runs in {@link GoNotaryStackTest}. */
class NotaryCliTest {
    @TempDir
    Path dir;

    @Test
    void passesCommonOptionsPassphrasesAndInput() throws Exception {
        Path stub = script("echo-args", """
                #!/bin/sh
                printf '%s\\n' "$@"
                echo "root=$NOTARY_ROOT_PASSPHRASE targets=$NOTARY_TARGETS_PASSPHRASE"
                echo "delegation=$NOTARY_DELEGATION_PASSPHRASE"
                read answer; echo "stdin=$answer" >&2
                exit 3
                """);
        NotaryCli cli = NotaryCli.forServer(dir.resolve("trust"), "https://localhost:1234", dir.resolve("ca.crt"))
                .withBinary(stub.toString()).withPassphrase("pw").withPassphrase(NotaryCli.PassphraseRole.ROOT, "r");

        NotaryCli.Result result = cli.runWithInput("yes\n", "key", "rotate", "gun", "root");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdout()).startsWith(String.join("\n", "-d", dir.resolve("trust").toString(),
                "-s", "https://localhost:1234", "--tlscacert", dir.resolve("ca.crt").toString(),
                "key", "rotate", "gun", "root"))
                .contains("root=r targets=pw", "delegation=pw");
        assertThat(result.stderr()).isEqualTo("stdin=yes\n");
        assertThatThrownBy(result::requireSuccess).isInstanceOfSatisfying(NotaryCliException.class, e -> {
            assertThat(e.result()).isSameAs(result);
            assertThat(e.timedOut()).isFalse();
        });
    }

    @Test
    void withoutInputAPromptReadsEndOfFile() throws Exception {
        Path stub = script("prompt", """
                #!/bin/sh
                if read answer; then echo "got $answer"; else echo eof; fi
                """);
        NotaryCli cli = NotaryCli.forServer(dir, "https://localhost:1", dir.resolve("ca.crt"))
                .withBinary(stub.toString());

        assertThat(cli.run("init", "gun").requireSuccess().stdout()).isEqualTo("eof\n");
    }

    @Test
    void aCallThatHangsIsKilledAtTheTimeout() throws Exception {
        Path stub = script("hang", """
                #!/bin/sh
                echo started
                exec sleep 300
                """);
        NotaryCli cli = NotaryCli.forServer(dir, "https://localhost:1", dir.resolve("ca.crt"))
                .withBinary(stub.toString()).withTimeout(Duration.ofMillis(500));

        long start = System.nanoTime();
        assertThatThrownBy(() -> cli.run("list", "gun")).isInstanceOfSatisfying(NotaryCliException.class, e -> {
            assertThat(e.timedOut()).isTrue();
            assertThat(e.result().stdout()).isEqualTo("started\n");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMissingCliNamesTheDebianPackage() {
        NotaryCli cli = NotaryCli.forServer(dir, "https://localhost:1", dir.resolve("ca.crt"))
                .withBinary("notary-cli-not-installed");

        assertThatThrownBy(() -> cli.run("version")).isInstanceOf(MissingBinaryException.class)
                .hasMessageContaining("apt-get install notary");
    }

    private Path script(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
