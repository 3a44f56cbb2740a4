package dev.notary4j.tuf.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds certificates with properties notary's rules look at; self-signed unless an issuer key is given. */
final class TestCertificates {
    static final KeyPair EC = keyPair("EC", 256);

    private TestCertificates() {
    }

    static KeyPair keyPair(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equals(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(size);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(String commonName, KeyPair subject, String signatureAlgorithm, boolean ca,
            Instant notBefore, Instant notAfter) {
        try {
            X500Name name = new X500Name("CN=" + commonName);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                    Date.from(notBefore), Date.from(notAfter), name, subject.getPublic());
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            byte[] der = builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(subject.getPrivate()))
                    .getEncoded();
            return PublicKeys.parseCertificate("x509", der);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate ecLeaf(String commonName, Instant notBefore, Instant notAfter) {
        return certificate(commonName, EC, "SHA256withECDSA", false, notBefore, notAfter);
    }

    static TufKey bundle(X509Certificate... certificates) {
        return new TufKey(KeyAlgorithm.ECDSA_X509,
                Certificates.toPem(List.of(certificates)).getBytes(StandardCharsets.US_ASCII));
    }
}
