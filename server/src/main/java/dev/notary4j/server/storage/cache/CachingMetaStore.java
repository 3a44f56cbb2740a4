package dev.notary4j.server.storage.cache;

import dev.notary4j.server.storage.Change;
import dev.notary4j.server.storage.MetaStore;
import dev.notary4j.server.storage.MetaUpdate;
import dev.notary4j.server.storage.NotInMemoryException;
import dev.notary4j.server.storage.OldVersionException;
import dev.notary4j.server.storage.StoredFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link MetaStore} decorator that keeps {@link #latest} and {@link #byChecksum} answers in memory.
 *
 * <p>Staleness is bounded three ways: writes through this store (or its {@link #freshReads()} view) invalidate the
 * GUN before they return; writes by other replicas arrive through an {@link InvalidationBus}; and every entry expires
 * after {@code maxStaleness} whatever happens (a lost notification, a Go server writing the same tables). A load that
 * overlaps an invalidation is not kept, so an invalidation is never undone by a slow reader.
 *
 * <p>Served current metadata always stays self-consistent: roles are resolved from the cached timestamp through
 * content-addressed ({@code byChecksum}) entries, which never change for a given checksum.
 */
public final class CachingMetaStore implements MetaStore {

    private record Key(String gun, String role, String sha256) {
    }

    private record Entry(Optional<StoredFile> file, long loadedAtNanos, long bytes) {
    }

    private final MetaStore delegate;
    private final InvalidationBus bus;
    private final long maxStaleNanos;
    private final long maxBytes;
    private final LongSupplier nanoTime;
    /** Entries grouped by GUN: every update forgets one GUN, which must not cost a scan of the whole cache. */
    private final Map<String, Map<Key, Entry>> entriesByGun = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong cachedBytes = new AtomicLong();

    /**
     * @param maxStaleness how long an entry may be served without a notification proving it current; must not be
     *                     longer than the {@code max-age} the server sends for current metadata
     * @param maxBytes     memory budget for cached file contents; the cache is emptied when it is exceeded
     */
    public CachingMetaStore(MetaStore delegate, InvalidationBus bus, Duration maxStaleness, long maxBytes,
                            LongSupplier nanoTime) {
        this.delegate = delegate;
        this.bus = bus;
        this.maxStaleNanos = maxStaleness.toNanos();
        this.maxBytes = maxBytes;
        this.nanoTime = nanoTime;
        bus.subscribe(this::invalidate, this::invalidateAll);
    }

    /**
     * The same store with every read that may have changed going to the database: for the update path, whose
     * validation must see what is stored now, not what was stored up to {@code maxStaleness} ago. Files found by
     * checksum come from the cache when it has them (content-addressed). Its writes still invalidate this cache.
     */
    public MetaStore freshReads() {
        return new FreshReads();
    }

    /**
     * The same cache without the database: reads answer only what is cached and still fresh and throw
     * {@link NotInMemoryException} otherwise, so the event loop can serve hot GETs without a worker thread.
     */
    public MetaStore memoryOnly() {
        return new MemoryOnly();
    }

    @Override
    public Optional<StoredFile> latest(String gun, String role) {
        return cached(new Key(gun, role, null), () -> delegate.latest(gun, role));
    }

    @Override
    public Optional<StoredFile> byChecksum(String gun, String role, String sha256Hex) {
        return cached(new Key(gun, role, sha256Hex), () -> delegate.byChecksum(gun, role, sha256Hex));
    }

    @Override
    public Optional<StoredFile> byVersion(String gun, String role, int version) {
        return delegate.byVersion(gun, role, version);
    }

    @Override
    public void update(String gun, List<MetaUpdate> files) throws OldVersionException {
        try {
            delegate.update(gun, files);
        } finally {
            // Also on failure: an OldVersionException means someone else stored newer files this cache may not know.
            invalidate(gun);
            bus.publish(gun);
        }
    }

    @Override
    public int delete(String gun) {
        try {
            return delegate.delete(gun);
        } finally {
            invalidate(gun);
            bus.publish(gun);
        }
    }

    @Override
    public List<Change> changes(String gun, long changeId, int records) {
        return delegate.changes(gun, changeId, records);
    }

    @Override
    public void checkHealth() {
        delegate.checkHealth();
    }

    /** Forgets everything cached for {@code gun}. */
    public void invalidate(String gun) {
        generation.incrementAndGet();
        Map<Key, Entry> forgotten = entriesByGun.remove(gun);
        if (forgotten != null) {
            // Removed one by one: a loader that put into this map concurrently removes its own entry (and uncounts
            // it) when it sees the generation change, so each entry is uncounted exactly once.
            forgotten.forEach((key, entry) -> {
                if (forgotten.remove(key, entry)) {
                    cachedBytes.addAndGet(-entry.bytes());
                }
            });
        }
    }

    /** Forgets everything (the notification channel was interrupted, so any entry may be stale). */
    public void invalidateAll() {
        generation.incrementAndGet();
        entriesByGun.clear();
        cachedBytes.set(0);
    }

    private Entry entry(Key key) {
        Map<Key, Entry> entries = entriesByGun.get(key.gun());
        return entries == null ? null : entries.get(key);
    }

    /** The entry for {@code key} if it is within the staleness bound, else null. */
    private Entry freshEntry(Key key, long now) {
        Entry entry = entry(key);
        return entry != null && now - entry.loadedAtNanos() < maxStaleNanos ? entry : null;
    }

    private Optional<StoredFile> cached(Key key, Supplier<Optional<StoredFile>> load) {
        long now = nanoTime.getAsLong();
        Entry entry = freshEntry(key, now);
        if (entry != null) {
            return entry.file();
        }
        long before = generation.get();
        Optional<StoredFile> file = load.get();
        long bytes = file.map(f -> (long) f.data().length).orElse(0L) + 256;
        Entry loaded = new Entry(file, now, bytes);
        Map<Key, Entry> entries = entriesByGun.computeIfAbsent(key.gun(), gun -> new ConcurrentHashMap<>());
        Entry previous = entries.put(key, loaded);
        cachedBytes.addAndGet(bytes - (previous == null ? 0 : previous.bytes()));
        if (generation.get() != before) {
            // An invalidation ran while we were reading: what we read may predate it.
            if (entries.remove(key, loaded)) {
                cachedBytes.addAndGet(-bytes);
            }
        } else if (cachedBytes.get() > maxBytes) {
            invalidateAll();
        }
        return file;
    }

    private Optional<StoredFile> inMemory(Key key) {
        Entry entry = freshEntry(key, nanoTime.getAsLong());
        if (entry == null) {
            throw new NotInMemoryException(key.role() + " of " + key.gun());
        }
        return entry.file();
    }

    private final class MemoryOnly implements MetaStore {
        @Override
        public Optional<StoredFile> latest(String gun, String role) {
            return inMemory(new Key(gun, role, null));
        }

        @Override
        public Optional<StoredFile> byChecksum(String gun, String role, String sha256Hex) {
            return inMemory(new Key(gun, role, sha256Hex));
        }

        @Override
        public Optional<StoredFile> byVersion(String gun, String role, int version) {
            throw new NotInMemoryException("versions are not cached");
        }

        @Override
        public void update(String gun, List<MetaUpdate> files) {
            throw new NotInMemoryException("writes need the database");
        }

        @Override
        public int delete(String gun) {
            throw new NotInMemoryException("writes need the database");
        }

        @Override
        public List<Change> changes(String gun, long changeId, int records) {
            throw new NotInMemoryException("the changefeed is not cached");
        }

        @Override
        public void checkHealth() {
            throw new NotInMemoryException("health needs the database");
        }
    }

    private final class FreshReads implements MetaStore {
        @Override
        public Optional<StoredFile> latest(String gun, String role) {
            return delegate.latest(gun, role);
        }

        /**
         * A cached row found by this checksum is what is stored now: rows are never changed, and one with these bytes
         * is the only one with this checksum. Only misses, cached absences (a file may have been stored since) and
         * entries past the staleness bound (the GUN may have been deleted elsewhere, its notification lost) go to
         * the database.
         */
        @Override
        public Optional<StoredFile> byChecksum(String gun, String role, String sha256Hex) {
            Entry entry = freshEntry(new Key(gun, role, sha256Hex), nanoTime.getAsLong());
            if (entry != null && entry.file().isPresent()) {
                return entry.file();
            }
            return delegate.byChecksum(gun, role, sha256Hex);
        }

        @Override
        public Optional<StoredFile> byVersion(String gun, String role, int version) {
            return delegate.byVersion(gun, role, version);
        }

        @Override
        public void update(String gun, List<MetaUpdate> files) throws OldVersionException {
            CachingMetaStore.this.update(gun, files);
        }

        @Override
        public int delete(String gun) {
            return CachingMetaStore.this.delete(gun);
        }

        @Override
        public List<Change> changes(String gun, long changeId, int records) {
            return delegate.changes(gun, changeId, records);
        }

        @Override
        public void checkHealth() {
            delegate.checkHealth();
        }
    }
}
