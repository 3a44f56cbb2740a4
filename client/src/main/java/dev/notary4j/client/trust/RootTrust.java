package dev.notary4j.client.trust;

import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.verify.SignatureVerificationException;
import dev.notary4j.tuf.verify.ThresholdVerifier;
import dev.notary4j.tuf.verify.VerificationRole;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Whether a root is trusted: notary's {@code trustpinning.ValidateRoot}. Root keys must be x509 certificates whose
 * leaf CN matches the GUN; a new root must be signed by the previous root's leaf certificates at the previous
 * threshold; the remaining leaves must pass trust pinning; and the root must be signed by them at its own
 * threshold.
 */
final class RootTrust {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EKU = "2.5.29.37.0";

    private RootTrust() {
    }

    /** A root-role key's certificates, by the TUF ID of the key in root.json. */
    private record RootCert(X509Certificate leaf, List<X509Certificate> intermediates) {
    }

    static SignedMetadata<Root> validate(SignedEnvelope envelope, Optional<SignedMetadata<Root>> previous, String gun,
            TrustPinning pinning, Instant now) {
        SignedMetadata<Root> candidate = TrustedMetadataSet.decode(envelope, RoleName.ROOT, Root.class);
        Role rootRole = candidate.signed().roles().get(RoleName.ROOT);

        Map<String, RootCert> all = rootCertificates(candidate.signed());
        Map<String, RootCert> leaves = new LinkedHashMap<>();
        all.forEach((id, cert) -> {
            try {
                Certificates.checkRootLeaf(cert.leaf(), gun, now);
                leaves.put(id, new RootCert(cert.leaf(), Certificates.validIntermediates(cert.intermediates(), now)));
            } catch (CertificateRuleException ignored) {
                // notary skips leaves that do not qualify; none left is the error below
            }
        });
        if (leaves.isEmpty()) {
            throw new RootTrustException(RootTrustException.Kind.VALIDATION, "unable to retrieve valid leaf certificates");
        }

        if (previous.isPresent()) {
            Map<String, RootCert> trusted = new LinkedHashMap<>();
            rootCertificates(previous.get().signed()).forEach((id, cert) -> {
                try {
                    Certificates.checkRootLeafIgnoringExpiry(cert.leaf(), gun);
                    trusted.put(id, cert);
                } catch (CertificateRuleException ignored) {
                    // not a certificate for this GUN: cannot vouch for the new root
                }
            });
            if (trusted.isEmpty()) {
                throw new RootTrustException(RootTrustException.Kind.VALIDATION,
                        "could not retrieve trusted certs from previous root role data");
            }
            int previousThreshold = previous.get().signed().roles().get(RoleName.ROOT).threshold();
            try {
                ThresholdVerifier.verify(envelope, new VerificationRole(RoleName.ROOT, keysOf(trusted), previousThreshold));
            } catch (SignatureVerificationException e) {
                throw new RootTrustException(RootTrustException.Kind.ROTATION,
                        "failed to validate data with current trusted certificates");
            }
        }

        BiPredicate<X509Certificate, List<X509Certificate>> pinCheck = pinCheck(pinning, gun, previous.isEmpty(), now);
        Map<String, RootCert> pinned = new LinkedHashMap<>();
        leaves.forEach((id, cert) -> {
            if (pinCheck.test(cert.leaf(), cert.intermediates())) {
                pinned.put(id, cert);
            }
        });
        if (pinned.isEmpty()) {
            throw new RootTrustException(RootTrustException.Kind.VALIDATION,
                    "unable to match any certificates to trust_pinning config");
        }
        try {
            ThresholdVerifier.verify(envelope, new VerificationRole(RoleName.ROOT, keysOf(pinned), rootRole.threshold()));
        } catch (SignatureVerificationException e) {
            throw new RootTrustException(RootTrustException.Kind.VALIDATION, "failed to validate integrity of roots");
        }
        return candidate;
    }

    /** notary's {@code parseAllCerts}: root-role keys that are certificate bundles with exactly one leaf. */
    private static Map<String, RootCert> rootCertificates(Root root) {
        Map<String, RootCert> result = new LinkedHashMap<>();
        for (String id : root.roles().get(RoleName.ROOT).keyIdList()) {
            TufKey key = root.keys().get(id);
            if (key == null) {
                continue;
            }
            try {
                Certificates.RootCertificate cert = Certificates.parseRootKey(key);
                result.put(id, new RootCert(cert.leaf(), cert.intermediates()));
            } catch (CertificateRuleException | RuntimeException notACertificate) {
                // keys that are not certificates cannot vouch for a root
            }
        }
        return result;
    }

    /** notary's {@code CertsToKeys}: each leaf plus intermediates as an x509 TUF key, by that key's own ID. */
    private static Map<String, TufKey> keysOf(Map<String, RootCert> certs) {
        Map<String, TufKey> keys = new LinkedHashMap<>();
        certs.values().forEach(cert -> {
            try {
                TufKey key = Certificates.toTufKey(cert.leaf(), cert.intermediates());
                keys.put(key.id(), key);
            } catch (CertificateRuleException ignored) {
                // an unsupported key type cannot sign
            }
        });
        return keys;
    }

    /** notary's {@code NewTrustPinChecker}: pinned cert IDs, else a pinned CA, else TOFU (unless disabled). */
    private static BiPredicate<X509Certificate, List<X509Certificate>> pinCheck(TrustPinning pinning, String gun,
            boolean firstBootstrap, Instant now) {
        Optional<List<String>> ids = pinning.pinnedCertIds(gun);
        if (ids.isPresent()) {
            Set<String> allowed = new HashSet<>(ids.get());
            return (leaf, intermediates) -> {
                try {
                    return allowed.contains(Certificates.toTufKey(leaf, intermediates).id());
                } catch (CertificateRuleException e) {
                    return false;
                }
            };
        }
        Optional<List<X509Certificate>> bundle = pinning.pinnedCa(gun);
        if (bundle.isPresent()) {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate ca : bundle.get()) {
                try {
                    Certificates.validate(ca, now);
                    anchors.add(new TrustAnchor(ca, null));
                } catch (CertificateRuleException ignored) {
                    // notary ignores expired or SHA-1 CA certificates in the bundle
                }
            }
            if (anchors.isEmpty()) {
                throw new RootTrustException(RootTrustException.Kind.VALIDATION, "invalid CA certs provided");
            }
            return (leaf, intermediates) -> chainsTo(leaf, intermediates, anchors, now);
        }
        if (pinning.disableTofu() && firstBootstrap) {
            throw new RootTrustException(RootTrustException.Kind.VALIDATION, "invalid trust pinning specified");
        }
        return (leaf, intermediates) -> true;
    }

    /**
     * Go's {@code leaf.Verify} with default options: a chain to one of the anchors through the root's
     * intermediates, valid at {@code now}, and every certificate in it usable for serverAuth (default options
     * ask for that EKU; certificates without an EKU extension allow anything).
     */
    private static boolean chainsTo(X509Certificate leaf, List<X509Certificate> intermediates, Set<TrustAnchor> anchors,
            Instant now) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            List<X509Certificate> store = new ArrayList<>(intermediates);
            store.add(leaf);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            for (var cert : result.getCertPath().getCertificates()) {
                if (!allowsServerAuth((X509Certificate) cert)) {
                    return false;
                }
            }
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean allowsServerAuth(X509Certificate cert) {
        try {
            List<String> usages = cert.getExtendedKeyUsage();
            return usages == null || usages.contains(SERVER_AUTH) || usages.contains(ANY_EKU);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }
}
