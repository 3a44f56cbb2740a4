package dev.notary4j.server.storage.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Facts derived from a stored file (its parsed listing, its expiry), keyed by the file's SHA-256: content-addressed,
 * so an entry can never be stale. Bounded by entry count; emptied when full (hot entries come back on the next GET).
 */
public final class ContentMemo<V> {

    private final int maxEntries;
    private final Map<String, V> entries = new ConcurrentHashMap<>();

    public ContentMemo(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The value for {@code key} (a role and the file's SHA-256), computed by {@code derive} on a miss; a throwing
     * {@code derive} stores nothing; a null {@code sha256} (unknown content) is never memoized.
     */
    public V get(String role, String sha256, Supplier<V> derive) {
        if (sha256 == null) {
            return derive.get();
        }
        String key = role + ":" + sha256;
        V value = entries.get(key);
        if (value == null) {
            value = derive.get();
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, value);
        }
        return value;
    }
}
