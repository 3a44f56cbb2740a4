package dev.notary4j.server.signing;

/** A snapshot or timestamp the server generated and signed, ready to store. */
public record GeneratedFile(String role, int version, byte[] data) {
}
