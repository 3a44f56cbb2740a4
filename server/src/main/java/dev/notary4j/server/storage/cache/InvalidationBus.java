package dev.notary4j.server.storage.cache;

import java.util.function.Consumer;

/** Carries "this GUN changed" between server replicas that share one database. */
public interface InvalidationBus extends AutoCloseable {

    /** Tells the other replicas that {@code gun} changed. Best effort: entries expire anyway. */
    void publish(String gun);

    /**
     * Registers the cache: {@code changed} per GUN another replica wrote, {@code lost} whenever notifications may
     * have been missed (so everything must be forgotten).
     */
    void subscribe(Consumer<String> changed, Runnable lost);

    @Override
    void close();

    /** For a single process (H2): local writes invalidate directly, there is nobody else to tell. */
    static InvalidationBus local() {
        return new InvalidationBus() {
            @Override
            public void publish(String gun) {
            }

            @Override
            public void subscribe(Consumer<String> changed, Runnable lost) {
            }

            @Override
            public void close() {
            }
        };
    }
}
