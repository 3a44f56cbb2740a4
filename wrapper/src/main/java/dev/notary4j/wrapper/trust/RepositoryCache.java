package dev.notary4j.wrapper.trust;

import dev.notary4j.client.TrustedRepository;
import dev.notary4j.client.trust.TrustedMetadataSet;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.SignedBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Verified repositories (values) in memory, least recently used evicted beyond a size limit. An entry is answered from
 * memory while younger than the TTL and while none of its metadata has expired; otherwise it is refreshed by the
 * client (timestamp first, then only what changed, from the on-disk cache). Concurrent requests for one key share
 * one refresh. A failed refresh drops the entry: nothing unverified or expired is ever served.
 */
public final class RepositoryCache<K, V> {
    /** What the cache did for a request, for metrics. */
    public enum Outcome { HIT, MISS, REFRESH, FAILURE }

    private record Entry<V>(V value, Instant fetchedAt, Instant validUntil) {
    }

    private final Function<K, V> loader;
    private final Function<V, Instant> validUntil;
    private final Executor executor;
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final java.util.function.Consumer<Outcome> observer;
    private final Map<K, Entry<V>> entries;
    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param loader     the blocking update, run on {@code executor}
     * @param validUntil when a loaded value stops being usable whatever the TTL (its metadata's earliest expiry)
     */
    public RepositoryCache(Function<K, V> loader, Function<V, Instant> validUntil, Executor executor, Clock clock,
            Duration ttl, int maxEntries, java.util.function.Consumer<Outcome> observer) {
        this.loader = loader;
        this.validUntil = validUntil;
        this.executor = executor;
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.observer = observer;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > RepositoryCache.this.maxEntries;
            }
        };
    }

    /** The value; completes at once on a hit, else when the shared refresh finishes. */
    public CompletableFuture<V> get(K key) {
        Instant now = clock.instant();
        Entry<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && now.isBefore(entry.fetchedAt().plus(ttl)) && now.isBefore(entry.validUntil())) {
            observer.accept(Outcome.HIT);
            return CompletableFuture.completedFuture(entry.value());
        }
        observer.accept(entry == null ? Outcome.MISS : Outcome.REFRESH);
        CompletableFuture<V> created = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, created);
        if (running != null) {
            return running;
        }
        try {
            executor.execute(() -> refresh(key, created));
        } catch (RuntimeException rejected) {
            inFlight.remove(key, created);
            created.completeExceptionally(rejected);
        }
        return created;
    }

    private void refresh(K key, CompletableFuture<V> result) {
        try {
            Instant started = clock.instant();
            V value = loader.apply(key);
            synchronized (entries) {
                entries.put(key, new Entry<>(value, started, validUntil.apply(value)));
            }
            inFlight.remove(key, result);
            result.complete(value);
        } catch (Throwable e) {
            synchronized (entries) {
                entries.remove(key);
            }
            inFlight.remove(key, result);
            observer.accept(Outcome.FAILURE);
            result.completeExceptionally(e);
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The earliest expiry among the metadata a repository's answers rest on. */
    public static Instant validUntil(TrustedRepository repository) {
        TrustedMetadataSet set = repository.metadata();
        return Stream.concat(
                        Stream.of(Stream.of((SignedBody) set.root().signed()),
                                set.timestamp().stream().map(t -> (SignedBody) t.signed()),
                                set.snapshot().stream().map(s -> (SignedBody) s.signed())).flatMap(s -> s),
                        // Expired delegations are skipped by the client, so only the top targets role counts here.
                        Stream.ofNullable(set.targetsRoles().get(RoleName.TARGETS)).map(r -> (SignedBody) r.targets()))
                .map(b -> b.expires().toInstant())
                .min(Instant::compareTo)
                .orElse(Instant.MIN);
    }
}
