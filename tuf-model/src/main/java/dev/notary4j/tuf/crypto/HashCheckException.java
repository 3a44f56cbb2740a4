package dev.notary4j.tuf.crypto;

/** A failed {@link Hashes} check. The caller knows which role or target was checked and reports it. */
public abstract sealed class HashCheckException extends Exception
        permits HashMismatchException, NoSupportedHashException, InvalidHashLengthException {

    HashCheckException(String message) {
        super(message);
    }
}
