package dev.notary4j.wrapper.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RepositoryCacheTest {
    private final TestClock clock = TestClock.at(Instant.now());
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
    private final List<RepositoryCache.Outcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> expiry = new AtomicReference<>(Instant.MAX);
    private volatile RuntimeException failure;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private RepositoryCache<String, String> cache(int maxEntries) {
        return new RepositoryCache<>(key -> {
            if (failure != null) {
                throw failure;
            }
            return key + "#" + loads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }, value -> expiry.get(), pool, clock, Duration.ofSeconds(30), maxEntries, outcomes::add);
    }

    private static String get(RepositoryCache<String, String> cache, String key) throws Exception {
        return cache.get(key).get(5, TimeUnit.SECONDS);
    }

    @Test
    void answersFromMemoryWithinTheTtlAndReloadsAfterIt() throws Exception {
        RepositoryCache<String, String> cache = cache(10);
        assertThat(get(cache, "a")).isEqualTo("a#1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(get(cache, "a")).isEqualTo("a#1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(get(cache, "a")).isEqualTo("a#2");
        assertThat(outcomes).containsExactly(RepositoryCache.Outcome.MISS, RepositoryCache.Outcome.HIT,
                RepositoryCache.Outcome.REFRESH);
    }

    @Test
    void expiredMetadataIsReloadedBeforeTheTtl() throws Exception {
        RepositoryCache<String, String> cache = cache(10);
        expiry.set(clock.instant().plusSeconds(5));
        get(cache, "a");
        clock.advance(Duration.ofSeconds(6));
        assertThat(get(cache, "a")).isEqualTo("a#2");
    }

    @Test
    void aFailedRefreshDropsTheEntry() throws Exception {
        RepositoryCache<String, String> cache = cache(10);
        get(cache, "a");
        clock.advance(Duration.ofSeconds(31));
        failure = new IllegalStateException("tampered");
        assertThatThrownBy(() -> get(cache, "a")).isInstanceOf(ExecutionException.class).hasMessageContaining("tampered");
        assertThat(cache.size()).isZero();
        assertThat(outcomes).contains(RepositoryCache.Outcome.FAILURE);
    }

    @Test
    void concurrentRequestsShareOneLoad() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        RepositoryCache<String, String> cache = new RepositoryCache<>(key -> {
            calls.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return key;
        }, value -> Instant.MAX, pool, clock, Duration.ofSeconds(30), 10, o -> { });
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(cache.get("a"));
        }
        release.countDown();
        for (CompletableFuture<String> f : waiting) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("a");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void holdsAtMostMaxEntriesEvictingTheLeastRecentlyUsed() throws Exception {
        RepositoryCache<String, String> cache = cache(2);
        get(cache, "a");
        get(cache, "b");
        get(cache, "a");
        get(cache, "c");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(get(cache, "a")).isEqualTo("a#1");
        assertThat(get(cache, "b")).isEqualTo("b#2");
    }
}
