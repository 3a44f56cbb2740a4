package dev.notary4j.tuf.verify;

import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.json.TufJsonException;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedEnvelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * notary's {@code trustpinning.ValidateRoot} after the structure check, in Go's order: the candidate's root-role
 * leaf certificates must match the GUN and be valid at {@code now} (R3/R4); with a previous root, the candidate must
 * be signed by the previous root's GUN-matching certificates at the previous root threshold (R5, expiry not
 * checked); trust pinning filters the leaves; the candidate must be signed by what is left at its own threshold (R7).
 * Verification keys are rebuilt from the certificates, so signature key IDs must match Go's re-encoded PEM.
 */
public final class RootCertificateTrust {
    /** notary-server's empty pinning configuration: trust on first use, every valid leaf accepted (R6). */
    public static final UnaryOperator<List<TufKey>> TOFU = UnaryOperator.identity();

    private RootCertificateTrust() {
    }

    /**
     * @param envelope  the candidate root's file (signatures over its canonical bytes)
     * @param candidate the candidate decoded and structurally valid
     * @param previous  the root trusted so far, if any
     * @param pinning   keeps the leaves trust pinning accepts (may throw its own failure)
     * @throws UntrustedRootException with Go's message when a rule fails
     */
    public static void verify(SignedEnvelope envelope, Root candidate, Optional<Root> previous, String gun,
            Instant now, UnaryOperator<List<TufKey>> pinning) {
        Objects.requireNonNull(now, "now");
        List<TufKey> leaves = Certificates.rootKeysOfNewRoot(rootRoleKeys(candidate), gun, now).keys();
        if (leaves.isEmpty()) {
            throw new UntrustedRootException(UntrustedRootException.Kind.VALIDATION,
                    "unable to retrieve valid leaf certificates");
        }
        if (previous.isPresent()) {
            List<TufKey> trusted = Certificates.rootKeysOfPreviousRoot(rootRoleKeys(previous.get()), gun).keys();
            if (trusted.isEmpty()) {
                throw new UntrustedRootException(UntrustedRootException.Kind.VALIDATION,
                        "could not retrieve trusted certs from previous root role data");
            }
            int previousThreshold = previous.get().roles().get(RoleName.ROOT).threshold();
            try {
                ThresholdVerifier.verify(envelope, new VerificationRole(RoleName.ROOT, byId(trusted), previousThreshold));
            } catch (SignatureVerificationException | TufJsonException e) {
                throw new UntrustedRootException(UntrustedRootException.Kind.ROTATION,
                        "failed to validate data with current trusted certificates");
            }
        }
        List<TufKey> pinned = pinning.apply(leaves);
        if (pinned.isEmpty()) {
            throw new UntrustedRootException(UntrustedRootException.Kind.VALIDATION,
                    "unable to match any certificates to trust_pinning config");
        }
        try {
            ThresholdVerifier.verify(envelope, new VerificationRole(RoleName.ROOT, byId(pinned),
                    candidate.roles().get(RoleName.ROOT).threshold()));
        } catch (SignatureVerificationException | TufJsonException e) {
            throw new UntrustedRootException(UntrustedRootException.Kind.VALIDATION,
                    "failed to validate integrity of roots");
        }
    }

    /** The keys the root role lists (IDs missing from {@code keys} are skipped, as notary's parseAllCerts does). */
    private static List<TufKey> rootRoleKeys(Root root) {
        return root.roles().get(RoleName.ROOT).keyIdList().stream()
                .map(root.keys()::get).filter(Objects::nonNull).toList();
    }

    private static Map<String, TufKey> byId(List<TufKey> keys) {
        Map<String, TufKey> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key.id(), key));
        return map;
    }
}
