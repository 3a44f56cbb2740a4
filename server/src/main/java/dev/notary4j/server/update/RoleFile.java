package dev.notary4j.server.update;

/** A metadata file accepted for storage: role, its {@code signed.version}, the exact bytes. */
public record RoleFile(String role, int version, byte[] data) {
}
