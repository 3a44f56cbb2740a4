package dev.notary4j.client.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCacheTest {
    @TempDir
    Path trustDir;

    private MetadataCache cache(String server, String gun) {
        return MetadataCache.of(trustDir, URI.create(server), gun);
    }

    @Test
    void storesRolesUnderServerAndGunWithPrivateModes() throws Exception {
        MetadataCache cache = cache("https://Notary.example:4443", "example.com/app");
        cache.write("targets/releases", "x".getBytes(StandardCharsets.UTF_8));
        Path file = trustDir.resolve("tuf-cache/https_notary.example_4443/example.com/app/metadata/targets/releases.json");
        assertThat(file).hasContent("x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(cache.read("targets/releases", 10)).hasValueSatisfying(b -> assertThat(b).containsExactly('x'));
    }

    @Test
    void keepsServersApart() {
        cache("https://a:4443", "g").write("root", new byte[] {1});
        assertThat(cache("https://b:4443", "g").read("root", 10)).isEmpty();
        assertThat(cache("https://a:4444", "g").read("root", 10)).isEmpty();
        assertThat(cache("https://a:4443", "g").read("root", 10)).isPresent();
    }

    @Test
    void treatsAFileOverTheLimitAsAbsent() {
        MetadataCache cache = cache("https://a", "g");
        cache.write("snapshot", new byte[11]);
        assertThat(cache.read("snapshot", 10)).isEmpty();
        assertThat(cache.read("snapshot", 11)).isPresent();
    }

    @Test
    void refusesGunsAndRolesThatEscapeTheDirectory() {
        assertThatThrownBy(() -> cache("https://a", "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache("https://a", "a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache("https://a", "g").write("targets/../../x", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lockSerialisesUpdateCyclesAcrossThreads() throws Exception {
        MetadataCache cache = cache("https://a", "g");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] content = ("v" + i).getBytes(StandardCharsets.UTF_8);
            futures.add(pool.submit(() -> {
                try (MetadataCache.Lock lock = MetadataCache.of(trustDir, URI.create("https://a"), "g").lock()) {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    cache.write("timestamp", content);
                    Thread.sleep(5);
                    assertThat(cache.read("timestamp", 10)).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
                    inside.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(maxInside).hasValue(1);
    }
}
