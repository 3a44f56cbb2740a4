package dev.notary4j.client.trust;

import dev.notary4j.tuf.verify.UntrustedRootException;
import static dev.notary4j.client.support.TestRepository.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.client.support.TestRepository;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.Role;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Root trust on first use: leaf rules and trust pinning (notary's {@code trustpinning.ValidateRoot}). */
class RootTrustTest {
    private static final String GUN = "example.com/pinned";

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(KeyPair ca, String cn) throws Exception {
        X500Name name = new X500Name("CN=" + cn);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(365))), name, ca.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
    }

    /** A root leaf for {@code key} issued by {@code ca}, optionally restricted to one extended key usage. */
    private static X509Certificate leafIssuedBy(TufPrivateKey key, KeyPair ca, X509Certificate caCert,
            KeyPurposeId eku) throws Exception {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), BigInteger.TWO,
                Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(365))),
                new X500Name("CN=" + GUN), SubjectPublicKeyInfo.getInstance(key.publicBytes()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (eku != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
    }

    /** The repository's root re-keyed to {@code cert} (private key {@code key}) and signed. */
    private static byte[] rootWith(TestRepository repo, TufPrivateKey key, TufKey cert) {
        repo.root = repo.root.withoutKey(repo.rootCert.id()).withKey(cert.id(), cert)
                .withRole("root", new Role(List.of(cert.id()), 1));
        repo.rootKey = key;
        repo.rootCert = cert;
        repo.publishRoot();
        return repo.rootBytes;
    }

    private static TufKey x509Key(X509Certificate leaf) throws Exception {
        return Certificates.toTufKey(leaf, List.of());
    }

    @Test
    void rootIssuedByThePinnedCaIsTrusted() throws Exception {
        KeyPair ca = ecKeyPair();
        X509Certificate caCert = caCertificate(ca, "pinned CA");
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        byte[] root = rootWith(new TestRepository(GUN), key, x509Key(leafIssuedBy(key, ca, caCert, null)));
        TrustPinning pinning = new TrustPinning(Map.of(), Map.of("example.com/", List.of(caCert)), false);

        assertThat(TrustedMetadataSet.firstUse(GUN, root, pinning, NOW).root().signed().version()).isEqualTo(1);
    }

    @Test
    void rootIssuedByAnotherCaIsRefused() throws Exception {
        KeyPair ca = ecKeyPair();
        X509Certificate caCert = caCertificate(ca, "issuing CA");
        X509Certificate otherCa = caCertificate(ecKeyPair(), "other CA");
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        byte[] root = rootWith(new TestRepository(GUN), key, x509Key(leafIssuedBy(key, ca, caCert, null)));
        TrustPinning pinning = new TrustPinning(Map.of(), Map.of("example.com/", List.of(otherCa)), false);

        assertThatThrownBy(() -> TrustedMetadataSet.firstUse(GUN, root, pinning, NOW))
                .isInstanceOfSatisfying(RootTrustException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UntrustedRootException.Kind.VALIDATION);
                    assertThat(e.reason()).isEqualTo("unable to match any certificates to trust_pinning config");
                });
    }

    @Test
    void caPinningNeedsServerAuthUsageLikeGo() throws Exception {
        KeyPair ca = ecKeyPair();
        X509Certificate caCert = caCertificate(ca, "pinned CA");
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        byte[] codeSigning = rootWith(new TestRepository(GUN), key,
                x509Key(leafIssuedBy(key, ca, caCert, KeyPurposeId.id_kp_codeSigning)));
        TrustPinning pinning = new TrustPinning(Map.of(), Map.of(GUN, List.of(caCert)), false);
        assertThatThrownBy(() -> TrustedMetadataSet.firstUse(GUN, codeSigning, pinning, NOW))
                .isInstanceOf(RootTrustException.class);

        byte[] serverAuth = rootWith(new TestRepository(GUN), key,
                x509Key(leafIssuedBy(key, ca, caCert, KeyPurposeId.id_kp_serverAuth)));
        assertThat(TrustedMetadataSet.firstUse(GUN, serverAuth, pinning, NOW)).isNotNull();
    }

    @Test
    void pinnedCertIdMustMatchTheRootKey() {
        TestRepository repo = new TestRepository(GUN);
        TrustPinning right = new TrustPinning(Map.of(GUN, List.of(repo.rootCert.id())), Map.of(), false);
        TrustPinning wrong = new TrustPinning(Map.of("example.com/*", List.of("ab".repeat(32))), Map.of(), false);
        assertThat(TrustedMetadataSet.firstUse(GUN, repo.rootBytes, right, NOW)).isNotNull();
        assertThatThrownBy(() -> TrustedMetadataSet.firstUse(GUN, repo.rootBytes, wrong, NOW))
                .isInstanceOf(RootTrustException.class);
    }

    @Test
    void rootCertificateForAnotherGunIsRefused() {
        TestRepository other = new TestRepository("example.com/other");
        assertThatThrownBy(() -> TrustedMetadataSet.firstUse(GUN, other.rootBytes, TrustPinning.TOFU, NOW))
                .isInstanceOfSatisfying(RootTrustException.class,
                        e -> assertThat(e.reason()).isEqualTo("unable to retrieve valid leaf certificates"));
    }

    @Test
    void disabledTofuRefusesAnUnpinnedFirstRoot() {
        TestRepository repo = new TestRepository(GUN);
        assertThatThrownBy(() -> TrustedMetadataSet.firstUse(GUN, repo.rootBytes,
                new TrustPinning(Map.of(), Map.of(), true), NOW))
                .isInstanceOfSatisfying(RootTrustException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid trust pinning specified"));
    }

    @Test
    void refusedUpdatesLeaveTheSetUnchanged() {
        TestRepository repo = new TestRepository(GUN);
        TrustedMetadataSet set = TrustedMetadataSet.firstUse(GUN, repo.rootBytes, TrustPinning.TOFU, NOW)
                .withTimestamp(repo.timestampBytes, 1);
        byte[] tampered = repo.snapshotBytes.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThatThrownBy(() -> set.withSnapshot(tampered, 1)).isInstanceOf(ChecksumMismatchException.class);
        assertThat(set.snapshot()).isEmpty();
        assertThat(set.withSnapshot(repo.snapshotBytes, 1).snapshot()).isPresent();
    }
}
