package dev.notary4j.server.signing;

/**
 * Server metadata could not be signed because the trust service is unreachable. Unlike {@link GenerationException}
 * this says nothing about the request: the same publish succeeds once the signer is back.
 */
public final class SignerUnavailableException extends Exception {
    public SignerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
