package dev.notary4j.server.storage.cache;

import dev.notary4j.common.db.Database;
import dev.notary4j.server.storage.MetaStore;
import java.time.Duration;
import org.jooq.SQLDialect;

/** The cached store and the bus that keeps it current; closing stops listening for other replicas. */
public record ReadCache(CachingMetaStore store, InvalidationBus bus) implements AutoCloseable {

    /** Even with notifications, nothing is served from memory for longer than this (Go writers do not notify). */
    static final Duration BACKSTOP = Duration.ofSeconds(5);

    /**
     * A cache over {@code delegate} whose entries never outlive {@code currentMaxAgeSeconds} (what clients and
     * proxies are told they may cache current metadata for) nor {@link #BACKSTOP}. PostgreSQL replicas notify each
     * other; H2 serves a single process.
     */
    public static ReadCache open(MetaStore delegate, Database database, int currentMaxAgeSeconds) {
        Duration bound = Duration.ofSeconds(Math.max(0, currentMaxAgeSeconds));
        Duration maxStaleness = bound.compareTo(BACKSTOP) < 0 ? bound : BACKSTOP;
        InvalidationBus bus = database.dialect() == SQLDialect.POSTGRES
                ? new PostgresInvalidationBus(database.dataSource()) : InvalidationBus.local();
        long budget = Runtime.getRuntime().maxMemory() / 4;
        return new ReadCache(new CachingMetaStore(delegate, bus, maxStaleness, budget, System::nanoTime), bus);
    }

    @Override
    public void close() {
        bus.close();
    }
}
