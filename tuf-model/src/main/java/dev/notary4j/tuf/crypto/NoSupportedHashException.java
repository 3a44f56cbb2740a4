package dev.notary4j.tuf.crypto;

/** None of the given digests uses an algorithm notary recognises (sha256, sha512). */
public final class NoSupportedHashException extends HashCheckException {
    public NoSupportedHashException() {
        super("no checksums for supported algorithms were provided");
    }
}
