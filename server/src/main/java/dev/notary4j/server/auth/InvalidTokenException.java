package dev.notary4j.server.auth;

/** A bearer token that is malformed, untrusted, expired or for another issuer/service (Go: ErrInvalidToken). */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason);
    }

    public InvalidTokenException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
