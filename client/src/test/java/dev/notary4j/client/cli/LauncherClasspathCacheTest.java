package dev.notary4j.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/notary-client caches the class path it derives (jars made from class directories, unsigned copies): the cache
 * must be used while nothing changed and re-derived when a class directory, a jar or the Maven class path changes.
 * Runs a copy of the launcher in a sandbox laid out like the repository, on a copy of the client's classes.
 */
class LauncherClasspathCacheTest {
    @TempDir
    Path sandbox;
    private Path target;
    private Path cachedClasspath;

    @BeforeEach
    void layOutSandbox() throws IOException {
        Path repoRoot = Path.of(System.getProperty("user.dir")).getParent();
        Path realTarget = repoRoot.resolve("client/target");
        Files.createDirectories(sandbox.resolve("bin"));
        Files.copy(repoRoot.resolve("bin/notary-client"), sandbox.resolve("bin/notary-client"));
        target = sandbox.resolve("client/target");
        copyTree(realTarget.resolve("classes"), target.resolve("classes"));
        Files.copy(realTarget.resolve("runtime-classpath.txt"), target.resolve("runtime-classpath.txt"));
        cachedClasspath = target.resolve("cli-jars/classpath");
    }

    @Test
    void reusesTheCachedClasspathWhileNothingChanged() throws Exception {
        runLauncher();
        FileTime derived = Files.getLastModifiedTime(cachedClasspath);
        Thread.sleep(20);
        runLauncher();
        assertThat(Files.getLastModifiedTime(cachedClasspath)).isEqualTo(derived);
    }

    @Test
    void rebuildsTheClientJarWhenAClassDirectoryChanges() throws Exception {
        runLauncher();
        assertThat(entriesOf(target.resolve("cli-jars/client.jar"))).doesNotContain("added-after-first-run.txt");
        backdateCache();
        Files.writeString(target.resolve("classes/added-after-first-run.txt"), "new");
        runLauncher();
        assertThat(entriesOf(target.resolve("cli-jars/client.jar"))).contains("added-after-first-run.txt");
    }

    @Test
    void derivesAgainWhenTheMavenClasspathChanges() throws Exception {
        runLauncher();
        backdateCache();
        Path mavenClasspath = target.resolve("runtime-classpath.txt");
        Files.setLastModifiedTime(mavenClasspath, FileTime.from(Instant.now().minusSeconds(30)));
        runLauncher();
        assertThat(Files.getLastModifiedTime(cachedClasspath).compareTo(Files.getLastModifiedTime(mavenClasspath)))
                .isGreaterThan(0);
    }

    @Test
    void derivesAgainWhenADerivedJarIsMissing() throws Exception {
        runLauncher();
        Files.delete(target.resolve("cli-jars/client.jar"));
        runLauncher();
        assertThat(target.resolve("cli-jars/client.jar")).isRegularFile();
    }

    /** Makes the cache older than any file written next, as if it had been derived a minute ago. */
    private void backdateCache() throws IOException {
        Files.setLastModifiedTime(cachedClasspath, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private void runLauncher() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(sandbox.resolve("bin/notary-client").toString(), "--help")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage: notary-client");
    }

    private static List<String> entriesOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(entry -> entry.getName()).toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
