package dev.notary4j.server.trust;

/** The signing service failed or is unreachable. */
public class TrustServiceException extends Exception {
    public TrustServiceException(String message) {
        super(message);
    }

    public TrustServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
