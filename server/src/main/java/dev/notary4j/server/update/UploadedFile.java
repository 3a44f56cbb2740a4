package dev.notary4j.server.update;

/**
 * One metadata file of a POST update, after the transport checks (spec §4.5 A1-A5): the role from the part's
 * filename, {@code signed.version} as decoded, and the part bytes exactly as received.
 */
public record UploadedFile(String role, long version, byte[] data) {
}
