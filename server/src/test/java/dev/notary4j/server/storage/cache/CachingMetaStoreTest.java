package dev.notary4j.server.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.server.storage.Change;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.MetaUpdate;
import dev.notary4j.server.storage.NotInMemoryException;
import dev.notary4j.server.storage.StoredFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CachingMetaStoreTest {

    /** A store whose latest timestamp version is whatever the test sets, counting reads. */
    private static final class FakeStore implements MetaStore {
        final AtomicInteger version = new AtomicInteger(1);
        final AtomicInteger reads = new AtomicInteger();
        Runnable duringRead = () -> { };

        @Override
        public Optional<StoredFile> latest(String gun, String role) {
            reads.incrementAndGet();
            int v = version.get();
            duringRead.run();
            return Optional.of(new StoredFile(gun, role, v, new byte[] {(byte) v}, "sha" + v, Instant.EPOCH));
        }

        /** Only the current version's file ({@code "sha" + version}) is stored. */
        @Override
        public Optional<StoredFile> byChecksum(String gun, String role, String sha256Hex) {
            reads.incrementAndGet();
            int v = version.get();
            return sha256Hex.equals("sha" + v)
                    ? Optional.of(new StoredFile(gun, role, v, new byte[] {(byte) v}, sha256Hex, Instant.EPOCH))
                    : Optional.empty();
        }

        @Override
        public Optional<StoredFile> byVersion(String gun, String role, int version) {
            return Optional.empty();
        }

        @Override
        public void update(String gun, List<MetaUpdate> files) {
            version.incrementAndGet();
        }

        @Override
        public int delete(String gun) {
            return 0;
        }

        @Override
        public List<Change> changes(String gun, long changeId, int records) {
            return List.of();
        }

        @Override
        public void checkHealth() {
        }
    }

    /** Delivers "changed" like another replica's NOTIFY would. */
    private static final class ManualBus implements InvalidationBus {
        Consumer<String> changed;
        Runnable lost;

        @Override
        public void publish(String gun) {
        }

        @Override
        public void subscribe(Consumer<String> changed, Runnable lost) {
            this.changed = changed;
            this.lost = lost;
        }

        @Override
        public void close() {
        }
    }

    private final FakeStore store = new FakeStore();
    private final ManualBus bus = new ManualBus();
    private final AtomicLong nanos = new AtomicLong();
    private final CachingMetaStore cache = new CachingMetaStore(store, bus, Duration.ofSeconds(2), 1 << 20, nanos::get);

    private int servedVersion() {
        return cache.latest("gun", "timestamp").orElseThrow().version();
    }

    @Test
    void servesFromMemoryUntilTheBoundThenRereads() {
        assertThat(servedVersion()).isEqualTo(1);
        store.version.set(2);  // another writer that does not notify (a Go server on the same tables)
        nanos.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(servedVersion()).isEqualTo(1);
        assertThat(store.reads).hasValue(1);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(servedVersion()).isEqualTo(2);
    }

    @Test
    void localWritesAndNotificationsInvalidateAtOnce() throws Exception {
        assertThat(servedVersion()).isEqualTo(1);
        cache.update("gun", List.of());
        assertThat(servedVersion()).isEqualTo(2);
        store.version.set(3);
        bus.changed.accept("other-gun");
        assertThat(servedVersion()).as("other GUNs' notifications keep this entry").isEqualTo(2);
        bus.changed.accept("gun");
        assertThat(servedVersion()).isEqualTo(3);
        store.version.set(4);
        bus.lost.run();
        assertThat(servedVersion()).isEqualTo(4);
    }

    @Test
    void aReadOverlappingAnInvalidationIsNotKept() {
        store.duringRead = () -> {
            store.duringRead = () -> { };
            store.version.set(2);
            bus.changed.accept("gun");  // the notification arrives while the old version is being read
        };
        assertThat(servedVersion()).isEqualTo(1);
        assertThat(servedVersion()).as("the overlapping read was dropped, so this one rereads").isEqualTo(2);
    }

    @Test
    void freshReadsBypassTheCacheButTheirWritesInvalidateIt() throws Exception {
        assertThat(servedVersion()).isEqualTo(1);
        store.version.set(2);
        assertThat(cache.freshReads().latest("gun", "timestamp").orElseThrow().version()).isEqualTo(2);
        assertThat(servedVersion()).isEqualTo(1);
        cache.freshReads().update("gun", List.of());
        assertThat(servedVersion()).isEqualTo(3);
    }

    @Test
    void theMemoryOnlyViewAnswersWhatIsCachedAndFreshAndNeverTheDatabase() {
        MetaStore memory = cache.memoryOnly();
        assertThatThrownBy(() -> memory.latest("gun", "timestamp")).isInstanceOf(NotInMemoryException.class);
        assertThat(store.reads).hasValue(0);
        assertThat(servedVersion()).isEqualTo(1);
        assertThat(memory.latest("gun", "timestamp").orElseThrow().version()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThatThrownBy(() -> memory.latest("gun", "timestamp")).as("past the staleness bound")
                .isInstanceOf(NotInMemoryException.class);
        assertThat(servedVersion()).isEqualTo(1);
        bus.changed.accept("gun");
        assertThatThrownBy(() -> memory.latest("gun", "timestamp")).as("invalidated")
                .isInstanceOf(NotInMemoryException.class);
        assertThatThrownBy(() -> memory.update("gun", List.of())).isInstanceOf(NotInMemoryException.class);
        assertThatThrownBy(() -> memory.byVersion("gun", "root", 1)).isInstanceOf(NotInMemoryException.class);
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void freshReadsTakeFilesFoundByChecksumFromTheCacheButNotTheirAbsence() {
        assertThat(cache.byChecksum("gun", "snapshot", "sha1")).isPresent();
        assertThat(cache.byChecksum("gun", "snapshot", "sha2")).as("not stored yet").isEmpty();
        store.version.set(2);
        int reads = store.reads.get();
        assertThat(cache.freshReads().byChecksum("gun", "snapshot", "sha1")).isPresent();
        assertThat(store.reads.get()).as("a cached file is what is stored under its checksum").isEqualTo(reads);
        assertThat(cache.freshReads().byChecksum("gun", "snapshot", "sha2")).isPresent();
        assertThat(store.reads.get()).as("a cached absence is asked again").isEqualTo(reads + 1);
    }

    @Test
    void freshReadsAskTheDatabaseAgainForAFilePastTheStalenessBound() {
        assertThat(cache.byChecksum("gun", "snapshot", "sha1")).isPresent();
        int reads = store.reads.get();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.freshReads().byChecksum("gun", "snapshot", "sha1")).isPresent();
        assertThat(store.reads.get()).as("the GUN may have been deleted by a writer that did not notify")
                .isEqualTo(reads + 1);
    }
}
