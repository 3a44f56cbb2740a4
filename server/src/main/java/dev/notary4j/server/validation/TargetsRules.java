package dev.notary4j.server.validation;

import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.json.TufJsonException;
import dev.notary4j.tuf.model.InvalidRoleException;
import dev.notary4j.tuf.model.MetadataException;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Targets;
import dev.notary4j.tuf.verify.Freshness;
import dev.notary4j.tuf.verify.SignatureVerificationException;
import dev.notary4j.tuf.verify.ThresholdVerifier;
import dev.notary4j.tuf.verify.VerificationRole;
import java.time.Instant;
import java.util.List;

/**
 * Loading {@code targets} or a delegation (spec §5.4 T1-T8, notary's {@code loadTargets} / {@code loadDelegation}),
 * each in Go's order. Top level: signatures against the root's targets role, structure, version, expiry. Delegation:
 * reachability through loaded parents (T2), structure, version, signatures against the parent's grant, expiry.
 */
final class TargetsRules {
    private static final int MINIMUM_VERSION = 1;

    private TargetsRules() {
    }

    /** @param allowExpired true for a stored ancestor loaded as context (B4.1) */
    static LoadedRoles load(LoadedRoles loaded, String role, byte[] file, boolean allowExpired, Instant now)
            throws RuleViolation {
        if (loaded.isLoaded(role)) {
            throw new RuleViolation(role + " has already been loaded"); // T8
        }
        if (!RoleName.TARGETS.equals(role) && !loaded.isLoaded(RoleName.TARGETS)) {
            throw new RuleViolation(RoleName.TARGETS + " must be loaded first"); // T1
        }
        try {
            SignedMetadata<Targets> targets = RoleName.TARGETS.equals(role)
                    ? topLevel(loaded, file)
                    : delegation(loaded, role, file);
            if (!allowExpired) {
                Freshness.checkNotExpired(role, targets.signed(), now); // T7
            }
            return loaded.withTargets(role, targets);
        } catch (MetadataException | SignatureVerificationException | TufJsonException e) {
            throw new RuleViolation(e.getMessage());
        }
    }

    private static SignedMetadata<Targets> topLevel(LoadedRoles loaded, byte[] file) {
        SignedEnvelope envelope = SignedEnvelope.parse(file, RoleName.TARGETS);
        ThresholdVerifier.verify(envelope, VerificationRole.fromRoot(loaded.root().signed(), RoleName.TARGETS)); // T6
        SignedMetadata<Targets> targets = SignedMetadata.of(envelope, RoleName.TARGETS, Targets.class); // T3, T4
        Freshness.checkVersionAtLeast(RoleName.TARGETS, targets.signed(), MINIMUM_VERSION); // T5
        return targets;
    }

    private static SignedMetadata<Targets> delegation(LoadedRoles loaded, String role, byte[] file)
            throws RuleViolation {
        VerificationRole grant = grantOf(loaded, role);
        SignedEnvelope envelope = SignedEnvelope.parse(file, role);
        SignedMetadata<Targets> targets = SignedMetadata.of(envelope, role, Targets.class);
        Freshness.checkVersionAtLeast(role, targets.signed(), MINIMUM_VERSION);
        ThresholdVerifier.verify(envelope, grant);
        return targets;
    }

    /**
     * T2, notary's {@code GetDelegationRole}: walking from {@code targets} to the parent, every level must be loaded
     * and list the next one; the parent's entry gives keys and threshold, and certificate keys must not be SHA-1 or
     * short RSA. Loaded files passed T4, so every listed entry is a direct child with all its keys present.
     */
    private static VerificationRole grantOf(LoadedRoles loaded, String role) throws RuleViolation {
        List<String> path = RoleName.ancestors(role);
        for (int i = 0; i < path.size(); i++) {
            String next = i + 1 < path.size() ? path.get(i + 1) : role;
            boolean listed = loaded.targetsFile(path.get(i))
                    .flatMap(level -> level.signed().delegations().role(next)).isPresent();
            if (!listed) {
                throw new RuleViolation(new InvalidRoleException(role, "delegation does not exist").getMessage());
            }
        }
        Targets parent = loaded.targetsFile(RoleName.parent(role)).orElseThrow().signed();
        VerificationRole grant = VerificationRole.fromDelegation(parent, role);
        for (TufKey key : grant.keys().values()) {
            try {
                Certificates.checkDelegationKey(key);
            } catch (CertificateRuleException e) {
                throw new RuleViolation(e.getMessage());
            }
        }
        return grant;
    }
}
