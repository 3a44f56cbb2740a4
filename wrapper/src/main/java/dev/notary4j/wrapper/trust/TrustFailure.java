package dev.notary4j.wrapper.trust;

import dev.notary4j.client.http.NetworkException;
import dev.notary4j.client.http.ServerUnavailableException;
import dev.notary4j.client.targets.TargetPolicyException;
import dev.notary4j.client.update.ClientOfflineException;
import dev.notary4j.client.update.RepositoryNotFoundException;
import java.util.concurrent.CompletionException;

/** Why an image or target could not be trusted; every kind is a denial (fail closed). */
public final class TrustFailure extends RuntimeException {
    public enum Kind {
        /** The request names a notary server that is not on the allow-list, or is malformed. */
        BAD_REQUEST,
        /** No trust policy covers the GUN. */
        NO_POLICY,
        /** The server has no trust data for the GUN. */
        REPOSITORY_NOT_FOUND,
        /** The repository is trusted but does not sign the tag or digest (or not as the policy requires). */
        NOT_SIGNED,
        /** The notary server could not be reached and nothing verified may stand in. */
        UNREACHABLE,
        /** The trust data failed verification: bad signatures, checksums, rollback, expiry, untrusted root. */
        UNTRUSTED
    }

    private final Kind kind;

    public TrustFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    private TrustFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Classifies whatever an update or a lookup threw. */
    public static TrustFailure of(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof TrustFailure failure) {
            return failure;
        }
        if (e instanceof RepositoryNotFoundException) {
            return new TrustFailure(Kind.REPOSITORY_NOT_FOUND, e.getMessage(), e);
        }
        if (e instanceof TargetPolicyException) {
            return new TrustFailure(Kind.NOT_SIGNED, e.getMessage(), e);
        }
        if (e instanceof ClientOfflineException || e instanceof NetworkException
                || e instanceof ServerUnavailableException) {
            return new TrustFailure(Kind.UNREACHABLE, e.getMessage(), e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new TrustFailure(Kind.UNTRUSTED, message, e);
    }
}
