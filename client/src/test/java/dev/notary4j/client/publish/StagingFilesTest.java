package dev.notary4j.client.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.FileMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key files and changelist files the write commands keep between runs. */
class StagingFilesTest {
    @TempDir
    Path dir;

    @Test
    void keysRoundTripEncryptedWithNotarysHeadersAndNeedTheRightPassphrase() throws Exception {
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        new KeyDirectory(dir, role -> Optional.of("right".toCharArray())).store(key, "targets", Optional.of("example.com/a"));

        Path file = dir.resolve("private").resolve(key.id() + ".key");
        String text = Files.readString(file);
        assertThat(text).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\ngun: example.com/a\nrole: targets\n\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new KeyDirectory(dir, role -> Optional.of("right".toCharArray())).find(key.id())).contains(key);
        assertThatThrownBy(() -> new KeyDirectory(dir, role -> Optional.of("wrong".toCharArray())).find(key.id()))
                .isInstanceOf(PublishException.class).hasMessageContaining("cannot decrypt");
        assertThatThrownBy(() -> new KeyDirectory(dir, role -> Optional.empty()).find(key.id()))
                .isInstanceOf(PublishException.class).hasMessageContaining("NOTARY_TARGETS_PASSPHRASE");
    }

    @Test
    void changesComeBackInStagingOrderAndClearRemovesThem() {
        ChangeList changes = new ChangeList(dir.resolve("changelist"));
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey cert = Certificates.generateRootCertificate(key, "releases", Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        Change delegation = new Change.AddDelegation("targets/releases", List.of(cert), List.of("", "app/"));
        changes.add(delegation);
        for (int i = 0; i < 50; i++) {
            changes.add(new Change.AddTarget("targets/releases", "t" + i, new FileMeta(i, Map.of("sha256", new byte[32]), null)));
        }
        List<Change> read = changes.changes();
        assertThat(read).hasSize(51);
        assertThat(read.get(0)).isInstanceOfSatisfying(Change.AddDelegation.class, d -> {
            assertThat(d.keys()).containsExactly(cert);
            assertThat(d.paths()).containsExactly("", "app/");
        });
        assertThat(read.subList(1, 51)).extracting(c -> ((Change.AddTarget) c).name())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "t" + i).toList());
        assertThat(((Change.AddTarget) read.get(7)).meta()).isEqualTo(new FileMeta(6, Map.of("sha256", new byte[32]), null));
        changes.clear();
        assertThat(changes.changes()).isEmpty();
    }
}
