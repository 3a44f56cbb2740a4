package dev.notary4j.server.validation;

import dev.notary4j.tuf.json.TufJsonException;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.verify.Freshness;
import dev.notary4j.tuf.verify.RootCertificateTrust;
import dev.notary4j.tuf.verify.SignatureVerificationException;
import java.time.Instant;
import java.util.Optional;

/**
 * Loading a root (spec §5.4 R1-R9, notary's {@code loadRoot} with {@code ValidateRoot}): parse and structure,
 * certificate trust and signatures against the previous root and itself, minimum version, then expiry.
 */
final class RootRules {
    private RootRules() {
    }

    /**
     * @param previous     the stored root the candidate replaces (R5), empty for a new GUN or the stored root itself
     * @param allowExpired true for the stored root used as context (B1): its certificates must still be valid
     */
    static SignedMetadata<Root> load(byte[] file, Optional<Root> previous, int minimumVersion, boolean allowExpired,
            String gun, Instant now) throws RuleViolation {
        try {
            SignedEnvelope envelope = SignedEnvelope.parse(file, RoleName.ROOT);
            SignedMetadata<Root> root = SignedMetadata.of(envelope, RoleName.ROOT, Root.class);
            RootCertificateTrust.verify(envelope, root.signed(), previous, gun, now, RootCertificateTrust.TOFU);
            Freshness.checkVersionAtLeast(RoleName.ROOT, root.signed(), minimumVersion);
            if (!allowExpired) {
                Freshness.checkNotExpired(RoleName.ROOT, root.signed(), now);
            }
            return root;
        } catch (MetadataException | SignatureVerificationException | TufJsonException e) {
            throw new RuleViolation(e.getMessage());
        }
    }
}
