package dev.notary4j.server.validation;

import static dev.notary4j.server.update.ValidationFailure.Kind.BAD_ROOT;
import static dev.notary4j.server.validation.TestRepo.GUN;
import static dev.notary4j.server.validation.TestRepo.NOW;
import static dev.notary4j.server.validation.TestRepo.nothingStored;
import static dev.notary4j.server.validation.TestRepo.sign;
import static dev.notary4j.server.validation.TestRepo.stored;
import static dev.notary4j.server.validation.TestRepo.upload;
import static dev.notary4j.server.validation.Verdicts.accepted;
import static dev.notary4j.server.validation.Verdicts.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.server.update.AcceptedUpdate;
import dev.notary4j.server.update.UploadedFile;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Spec §5.4 R1-R9 through the validator (B2: every failure is ErrBadRoot with notary's message). */
class RootRulesTest {
    private final TestRepo repo = new TestRepo();

    @Test
    void aSelfSignedRootWithAValidCertificateForTheGunIsAccepted() throws Exception {
        byte[] root = repo.signedRoot(repo.root(1));
        AcceptedUpdate update = accepted(nothingStored(), upload("root", root));
        assertThat(update.root()).hasValueSatisfying(file -> assertThat(file.version()).isEqualTo(1));
        assertThat(update.signingRoot()).isEqualTo(root);
        assertThat(update.snapshotEntries()).containsOnlyKeys("root");
    }

    @Test
    void r1UnparsableRootIsRefused() {
        UploadedFile root = new UploadedFile("root", 1, "{\"signed\":".getBytes());
        refused(BAD_ROOT, null, nothingStored(), root);
    }

    @Test
    void r2RootMustListAllFourRoles() {
        Root body = repo.root(1);
        Map<String, Role> roles = new java.util.HashMap<>(body.roles());
        roles.remove("targets");
        byte[] root = repo.signedRoot(new Root(body.expires(), 1, body.keys(), roles, false));
        refused(BAD_ROOT, "root type metadata invalid: missing targets role specification", nothingStored(),
                upload("root", root));
    }

    @Test
    void r3RootKeysMustBeCertificates() {
        TufPrivateKey plain = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        byte[] root = sign(repo.root(1, plain.publicKey()), TestRepo.rootSigner(plain, plain.publicKey()));
        refused(BAD_ROOT, "could not validate the path to a trusted root: unable to retrieve valid leaf certificates",
                nothingStored(), upload("root", root));
    }

    @Test
    void r4CertificateCommonNameMustMatchTheGun() {
        TufKey other = TestRepo.certificate(repo.rootKey, "example.com/other");
        byte[] root = sign(repo.root(1, other), TestRepo.rootSigner(repo.rootKey, other));
        refused(BAD_ROOT, "could not validate the path to a trusted root: unable to retrieve valid leaf certificates",
                nothingStored(), upload("root", root));
    }

    @Test
    void r4WildcardCommonNameCoversTheGunsBelowItsPrefix() throws Exception {
        TufKey wildcard = TestRepo.certificate(repo.rootKey, "example.com/*");
        byte[] root = sign(repo.root(1, wildcard), TestRepo.rootSigner(repo.rootKey, wildcard));
        assertThat(accepted(nothingStored(), upload("root", root)).root()).isPresent();
    }

    @Test
    void r4ExpiredCertificateIsRefused() {
        TufKey expired = Certificates.generateRootCertificate(repo.rootKey, GUN, NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1)));
        byte[] root = sign(repo.root(1, expired), TestRepo.rootSigner(repo.rootKey, expired));
        refused(BAD_ROOT, "could not validate the path to a trusted root: unable to retrieve valid leaf certificates",
                nothingStored(), upload("root", root));
    }

    @Test
    void r4Sha1AndShortRsaCertificatesAreRefused() throws Exception {
        for (TufKey weak : List.of(certificate("EC", 256, "SHA1withECDSA"), certificate("RSA", 1024, "SHA256withRSA"))) {
            byte[] root = sign(repo.root(1, weak), TestRepo.rootSigner(repo.rootKey, weak));
            refused(BAD_ROOT,
                    "could not validate the path to a trusted root: unable to retrieve valid leaf certificates",
                    nothingStored(), upload("root", root));
        }
    }

    @Test
    void r5RotationMustBeSignedByThePreviousRootKeys() throws Exception {
        byte[] stored = repo.signedRoot(repo.root(1));
        TufPrivateKey newKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey newCert = TestRepo.certificate(newKey, GUN);
        Root rotated = repo.root(2, newCert);

        byte[] onlyNew = sign(rotated, TestRepo.rootSigner(newKey, newCert));
        refused(BAD_ROOT, "could not rotate trust to a new trusted root: failed to validate data with current trusted "
                + "certificates", stored(Map.of("root", stored)), upload("root", onlyNew));

        byte[] both = sign(rotated, TestRepo.rootSigner(repo.rootKey, repo.rootCert),
                TestRepo.rootSigner(newKey, newCert));
        assertThat(accepted(stored(Map.of("root", stored)), upload("root", both)).root()).isPresent();
    }

    @Test
    void r7RootMustBeSignedByItsOwnRootKeys() {
        byte[] stored = repo.signedRoot(repo.root(1));
        TufPrivateKey newKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        TufKey newCert = TestRepo.certificate(newKey, GUN);
        byte[] onlyOld = sign(repo.root(2, newCert), TestRepo.rootSigner(repo.rootKey, repo.rootCert));
        refused(BAD_ROOT, "could not validate the path to a trusted root: failed to validate integrity of roots",
                stored(Map.of("root", stored)), upload("root", onlyOld));
        refused(BAD_ROOT, "could not validate the path to a trusted root: failed to validate integrity of roots",
                nothingStored(), upload("root", sign(repo.root(1))));
    }

    @Test
    void r8VersionMustNotBeBelowTheStoredOne() {
        byte[] stored = repo.signedRoot(repo.root(2));
        // The transport's decoded version (2) passes B2.1; the file itself says 1.
        UploadedFile root = new UploadedFile("root", 2, repo.signedRoot(repo.root(1)));
        refused(BAD_ROOT, "version 1 is lower than current version 2", stored(Map.of("root", stored)), root);
    }

    @Test
    void r9ExpiredRootIsRefused() {
        byte[] root = repo.signedRoot(repo.root(1).withExpires(TestRepo.LAST_MONTH));
        refused(BAD_ROOT, "root expired at Fri May 1 00:00:00 UTC 2026", nothingStored(), upload("root", root));
    }

    /** A self-signed x509 TUF key with CN = GUN, made with any algorithm (weak ones included). */
    private static TufKey certificate(String algorithm, int bits, String signatureAlgorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + GUN);
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(30))),
                name, pair.getPublic()).build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
        return Certificates.toTufKey(certificate, List.of());
    }
}
