package dev.notary4j.tuf.crypto;

import static dev.notary4j.tuf.crypto.TestCertificates.EC;
import static dev.notary4j.tuf.crypto.TestCertificates.bundle;
import static dev.notary4j.tuf.crypto.TestCertificates.certificate;
import static dev.notary4j.tuf.crypto.TestCertificates.ecLeaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.crypto.CertificateRuleException.Rule;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class CertificatesTest {
    private static final String GUN = "example.com/app";
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));
    private static final X509Certificate LEAF = ecLeaf(GUN, YEAR_AGO, IN_A_YEAR);
    private static final X509Certificate CA = certificate("Some CA", EC, "SHA256withECDSA", true, YEAR_AGO, IN_A_YEAR);

    @Test
    void bundleMustContainOnlyCertificates() {
        String key = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(EC.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertRule(() -> Certificates.parseBundle((Certificates.toPem(List.of(LEAF)) + key).getBytes()), Rule.INVALID_BUNDLE);
        assertRule(() -> Certificates.parseBundle(new byte[0]), Rule.INVALID_BUNDLE);
        assertRule(() -> Certificates.parseBundle(EC.getPublic().getEncoded()), Rule.INVALID_BUNDLE);
        assertRule(() -> Certificates.parseBundle("-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n".getBytes()),
                Rule.INVALID_BUNDLE);
    }

    @Test
    void rootKeyNeedsExactlyOneLeafAndItMustComeFirst() throws Exception {
        X509Certificate otherLeaf = ecLeaf("other", YEAR_AGO, IN_A_YEAR);
        assertRule(() -> Certificates.parseRootKey(bundle(LEAF, otherLeaf)), Rule.LEAF_COUNT);
        assertRule(() -> Certificates.parseRootKey(bundle(CA)), Rule.LEAF_COUNT);
        assertRule(() -> Certificates.parseRootKey(bundle(CA, LEAF)), Rule.LEAF_NOT_FIRST);

        Certificates.RootCertificate parsed = Certificates.parseRootKey(bundle(LEAF, CA));
        assertThat(parsed.leaf()).isEqualTo(LEAF);
        assertThat(parsed.intermediates()).containsExactly(CA);
        assertThat(Certificates.toTufKey(parsed.leaf(), parsed.intermediates())).isEqualTo(bundle(LEAF, CA));
        assertThat(Certificates.toTufKey(parsed.leaf(), List.of()).id()).isNotEqualTo(bundle(LEAF, CA).id());
    }

    @Test
    void commonNameMustMatchGunOrWildcard() throws Exception {
        assertRule(() -> Certificates.checkRootLeaf(ecLeaf("example.com/other", YEAR_AGO, IN_A_YEAR), GUN, NOW),
                Rule.COMMON_NAME_MISMATCH);
        assertRule(() -> Certificates.checkRootLeaf(ecLeaf("example.com/ap", YEAR_AGO, IN_A_YEAR), GUN, NOW),
                Rule.COMMON_NAME_MISMATCH);
        Certificates.checkRootLeaf(LEAF, GUN, NOW);
        Certificates.checkRootLeaf(ecLeaf("example.com/*", YEAR_AGO, IN_A_YEAR), GUN, NOW);
        assertThat(Certificates.commonNameMatchesGun("example.com/**", GUN)).isTrue();
        assertThat(Certificates.commonNameMatchesGun("*", GUN)).isTrue();
        assertThat(Certificates.commonNameMatchesGun("example.org/*", GUN)).isFalse();
        assertThat(Certificates.commonNameMatchesGun("example.com/a*p", GUN)).isFalse();
    }

    @Test
    void expiryIsCheckedAtTheInjectedClockWithOneDayLeewayOnNotBefore() throws Exception {
        X509Certificate expired = ecLeaf(GUN, YEAR_AGO, NOW.minusSeconds(1));
        assertRule(() -> Certificates.checkRootLeaf(expired, GUN, NOW), Rule.EXPIRED);
        Certificates.checkRootLeafIgnoringExpiry(expired, GUN);
        Certificates.checkRootLeaf(expired, GUN, NOW.minusSeconds(2));

        X509Certificate startsIn23Hours = ecLeaf(GUN, NOW.plus(Duration.ofHours(23)), IN_A_YEAR);
        X509Certificate startsIn25Hours = ecLeaf(GUN, NOW.plus(Duration.ofHours(25)), IN_A_YEAR);
        Certificates.checkRootLeaf(startsIn23Hours, GUN, NOW);
        assertRule(() -> Certificates.checkRootLeaf(startsIn25Hours, GUN, NOW), Rule.EXPIRED);
    }

    @Test
    void validityWindowMustBeOrdered() {
        X509Certificate inverted = ecLeaf(GUN, IN_A_YEAR, YEAR_AGO);
        assertRule(() -> Certificates.checkRootLeafIgnoringExpiry(inverted, GUN), Rule.VALIDITY_WINDOW_INVALID);
    }

    @Test
    void sha1SignaturesAreRejected() {
        X509Certificate sha1Ecdsa = certificate(GUN, EC, "SHA1withECDSA", false, YEAR_AGO, IN_A_YEAR);
        assertRule(() -> Certificates.checkRootLeaf(sha1Ecdsa, GUN, NOW), Rule.SHA1_SIGNATURE);
        X509Certificate sha1Rsa = certificate(GUN, TestCertificates.keyPair("RSA", 2048), "SHA1withRSA", false,
                YEAR_AGO, IN_A_YEAR);
        assertRule(() -> Certificates.validateIgnoringExpiry(sha1Rsa), Rule.SHA1_SIGNATURE);
        assertRule(() -> Certificates.checkDelegationKey(bundle(sha1Rsa)), Rule.SHA1_SIGNATURE);
    }

    @Test
    void rsaKeysBelow2048BitsAreRejected() {
        KeyPair small = TestCertificates.keyPair("RSA", 1024);
        X509Certificate weak = certificate(GUN, small, "SHA256withRSA", false, YEAR_AGO, IN_A_YEAR);
        assertRule(() -> Certificates.checkRootLeaf(weak, GUN, NOW), Rule.RSA_KEY_TOO_SHORT);
        assertRule(() -> Certificates.checkDelegationKey(bundle(weak)), Rule.RSA_KEY_TOO_SHORT);
    }

    @Test
    void delegationCertificatesIgnoreExpiryAndPlainKeysPass() throws Exception {
        Certificates.checkDelegationKey(bundle(ecLeaf("anything", Instant.parse("2001-01-01T00:00:00Z"),
                Instant.parse("2002-01-01T00:00:00Z"))));
        Certificates.checkDelegationKey(new TufKey(KeyAlgorithm.ECDSA, EC.getPublic().getEncoded()));
    }

    @Test
    void invalidIntermediatesAreDroppedNotFatal() {
        X509Certificate expiredCa = certificate("Old CA", EC, "SHA256withECDSA", true, YEAR_AGO, NOW.minusSeconds(60));
        assertThat(Certificates.validIntermediates(List.of(expiredCa, CA), NOW)).containsExactly(CA);
    }

    @Test
    void newRootDropsExpiredIntermediatesButPreviousRootKeepsThem() throws Exception {
        X509Certificate expiredCa = certificate("Old CA", EC, "SHA256withECDSA", true, YEAR_AGO, NOW.minusSeconds(60));
        TufKey published = bundle(LEAF, expiredCa);
        assertThat(Certificates.rootKeysOfNewRoot(List.of(published), GUN, NOW).keys())
                .containsExactly(Certificates.toTufKey(LEAF, List.of()));
        assertThat(Certificates.rootKeysOfPreviousRoot(List.of(published), GUN).keys()).containsExactly(published);
    }

    @Test
    void generatedRootCertificateHasTheShapeOfGoNotarysOwn() throws Exception {
        TufKey goKey = Vectors.key(Vectors.json("go-publish/root.json").get("signed").get("keys")
                .get("766b0a3196ebbef75e2b9e50d63e1b26aaedf656155aa7dce23c7cf5040a0736"));
        X509CertificateHolder go = new X509CertificateHolder(Certificates.parseBundle(goKey).get(0).getEncoded());

        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        Instant start = Instant.parse("2026-11-23T01:55:01Z");
        TufKey ours = Certificates.generateRootCertificate(key, "example.com/crypto/vec", start,
                start.plus(Duration.ofDays(3650)));
        X509Certificate ourCertificate = Certificates.parseBundle(ours).get(0);
        X509CertificateHolder mine = new X509CertificateHolder(ourCertificate.getEncoded());

        assertThat(ours.keyType()).isEqualTo("ecdsa-x509");
        assertThat(ours.canonicalId()).isEqualTo(key.id());
        assertThat(mine.getSignatureAlgorithm()).isEqualTo(go.getSignatureAlgorithm());
        assertThat(mine.getSubject().getEncoded()).isEqualTo(go.getSubject().getEncoded());
        assertThat(mine.getIssuer().getEncoded()).isEqualTo(go.getIssuer().getEncoded());
        assertThat(mine.getNotBefore()).isEqualTo(go.getNotBefore());
        assertThat(mine.getNotAfter()).isEqualTo(go.getNotAfter());
        assertThat(mine.getVersionNumber()).isEqualTo(go.getVersionNumber());
        assertThat(mine.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
        assertThat(extensionOids(mine)).containsExactlyElementsOf(extensionOids(go));
        for (ASN1ObjectIdentifier oid : extensionOids(go)) {
            Extension expected = go.getExtension(oid);
            assertThat(mine.getExtension(oid)).as(oid.getId()).isEqualTo(expected);
        }
        assertThat(mine.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(key.publicBytes());
        assertThat(ourCertificate.getBasicConstraints()).isEqualTo(-1);

        Certificates.RootCertificate parsed = Certificates.parseRootKey(ours);
        Certificates.checkRootLeaf(parsed.leaf(), "example.com/crypto/vec", start.plus(Duration.ofDays(1)));
        byte[] message = "root".getBytes(StandardCharsets.UTF_8);
        assertThat(SignatureVerifier.verify(ours, "ecdsa", message, key.sign(message))).isTrue();
    }

    @Test
    void generatedRsaRootCertificateAndNonPrintableGun() throws Exception {
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.RSA);
        TufKey ours = Certificates.generateRootCertificate(key, "registry:5000/my_app", NOW, IN_A_YEAR);
        X509Certificate certificate = Certificates.parseBundle(ours).get(0);
        assertThat(ours.keyType()).isEqualTo("rsa-x509");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(Certificates.commonName(certificate)).isEqualTo("registry:5000/my_app");
        // '_' is not in PrintableString, so Go (and we) fall back to UTF8String
        ASN1Encodable value = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs()[0].getFirst().getValue();
        assertThat(value).isInstanceOf(org.bouncycastle.asn1.DERUTF8String.class);
        byte[] message = "root".getBytes(StandardCharsets.UTF_8);
        assertThat(SignatureVerifier.verify(ours, "rsapss", message, key.sign(message))).isTrue();
        assertThatThrownBy(() -> Certificates.generateRootCertificate(TufPrivateKey.generate(KeyAlgorithm.ED25519),
                GUN, NOW, IN_A_YEAR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstCertificateSkipsOtherBlocksLikeGo() {
        String pem = "junk\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"
                + "-----BEGIN CERTIFICATE-----\nrole: x\n\nAAAA\n-----END CERTIFICATE-----\n"
                + Certificates.toPem(List.of(LEAF));
        assertThat(Certificates.firstCertificate(pem.getBytes())).contains(LEAF);
        assertThat(Certificates.firstCertificate("nothing".getBytes())).isEmpty();
    }

    private static List<ASN1ObjectIdentifier> extensionOids(X509CertificateHolder holder) {
        return List.of(holder.getExtensions().getExtensionOIDs());
    }

    private static void assertRule(ThrowingCallable call, Rule rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CertificateRuleException.class,
                e -> assertThat(e.rule()).isEqualTo(rule));
    }
}
