package dev.notary4j.server.storage;

/** A file to insert as part of one atomic update. {@code data} is stored verbatim. */
public record MetaUpdate(String role, int version, byte[] data) {
}
