package dev.notary4j.server.trust;

/** The signing service could not be reached or did not answer in time: a server-side outage, not a bad request. */
public final class TrustServiceUnavailableException extends TrustServiceException {
    public TrustServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
