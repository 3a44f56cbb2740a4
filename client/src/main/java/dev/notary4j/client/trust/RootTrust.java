package dev.notary4j.client.trust;

import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.verify.RootCertificateTrust;
import dev.notary4j.tuf.verify.UntrustedRootException;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a root is trusted: notary's {@code trustpinning.ValidateRoot}. The certificate and signature rules are
 * tuf-model's {@link RootCertificateTrust}; the client adds its trust pinning configuration (pinned certificate IDs,
 * pinned CAs, TOFU) and reports failures as {@link RootTrustException}.
 */
final class RootTrust {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EKU = "2.5.29.37.0";

    private RootTrust() {
    }

    static SignedMetadata<Root> validate(SignedEnvelope envelope, Optional<SignedMetadata<Root>> previous, String gun,
            TrustPinning pinning, Instant now) {
        SignedMetadata<Root> candidate = TrustedMetadataSet.decode(envelope, RoleName.ROOT, Root.class);
        try {
            // The pin check is built only after the previous root's signatures passed, as in Go.
            RootCertificateTrust.verify(envelope, candidate.signed(), previous.map(SignedMetadata::signed), gun, now,
                    leaves -> leaves.stream().filter(pinCheck(pinning, gun, previous.isEmpty(), now)).toList());
        } catch (UntrustedRootException e) {
            throw new RootTrustException(e);
        }
        return candidate;
    }

    /** notary's {@code NewTrustPinChecker}: pinned cert IDs, else a pinned CA, else TOFU (unless disabled). */
    private static Predicate<TufKey> pinCheck(TrustPinning pinning, String gun, boolean firstBootstrap, Instant now) {
        Optional<List<String>> ids = pinning.pinnedCertIds(gun);
        if (ids.isPresent()) {
            // The selected keys are leaf + valid intermediates re-encoded: the ID notary's pins name.
            Set<String> allowed = new HashSet<>(ids.get());
            return key -> allowed.contains(key.id());
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
                throw RootTrustException.validation("invalid CA certs provided");
            }
            return key -> {
                try {
                    Certificates.RootCertificate cert = Certificates.parseRootKey(key);
                    return chainsTo(cert.leaf(), cert.intermediates(), anchors, now);
                } catch (CertificateRuleException e) {
                    return false;
                }
            };
        }
        if (pinning.disableTofu() && firstBootstrap) {
            throw RootTrustException.validation("invalid trust pinning specified");
        }
        return key -> true;
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
            // Go checks the usage on every certificate of the chain, the leaf and the root included (the path
            // is empty when the leaf itself is pinned as CA).
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(leaf);
            result.getCertPath().getCertificates().forEach(cert -> chain.add((X509Certificate) cert));
            chain.add(result.getTrustAnchor().getTrustedCert());
            return chain.stream().allMatch(RootTrust::allowsServerAuth);
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
