/**
 * In-memory read cache in front of the {@link dev.notary4j.server.storage.MetaStore}: current metadata is served
 * without a database round trip, invalidated on local writes at once, on other replicas' writes through PostgreSQL
 * LISTEN/NOTIFY, and in any case after a bounded time.
 */
package dev.notary4j.server.storage.cache;
