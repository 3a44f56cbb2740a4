package dev.notary4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development PKI in a directory, with the file names /work/shared/peers/certs.sh uses, so that the Go peers, our
 * services and the scripts can share one directory: {@code root-ca.crt}, {@code notary-server.crt/.key} and
 * {@code notary-signer.crt/.key} (SAN localhost, 127.0.0.1, ::1), {@code signer-client.crt/.key} (the client
 * certificate the server presents to the signer). Keys are unencrypted PKCS#8 PEM. The CA key is not kept.
 */
public final class TestPki {
    public static final String ROOT_CA_CERT = "root-ca.crt";
    public static final String SERVER_CERT = "notary-server.crt";
    public static final String SERVER_KEY = "notary-server.key";
    public static final String SIGNER_CERT = "notary-signer.crt";
    public static final String SIGNER_KEY = "notary-signer.key";
    public static final String SIGNER_CLIENT_CERT = "signer-client.crt";
    public static final String SIGNER_CLIENT_KEY = "signer-client.key";

    /** The names the server and signer certificates are valid for. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** A fresh ECDSA P-256 PKI in {@code dir} (created if missing; existing files are overwritten). */
    public static TestPki generate(Path dir) {
        return generate(dir, KeyType.ECDSA_P256);
    }

    /** A fresh PKI of the given key type in {@code dir} (created if missing; existing files are overwritten). */
    public static TestPki generate(Path dir, KeyType keyType) {
        try {
            Files.createDirectories(dir);
            new Issuer(keyType).writeAll(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the test PKI in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the test PKI", e);
        }
        return new TestPki(dir);
    }

    /** A PKI made earlier (by {@link #generate} or certs.sh) in {@code dir}. */
    public static TestPki open(Path dir) {
        for (String name : List.of(ROOT_CA_CERT, SERVER_CERT, SERVER_KEY, SIGNER_CERT, SIGNER_KEY,
                SIGNER_CLIENT_CERT, SIGNER_CLIENT_KEY)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IllegalArgumentException("not a test PKI directory, missing " + dir.resolve(name));
            }
        }
        return new TestPki(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path rootCaCert() {
        return dir.resolve(ROOT_CA_CERT);
    }

    public Path serverCert() {
        return dir.resolve(SERVER_CERT);
    }

    public Path serverKey() {
        return dir.resolve(SERVER_KEY);
    }

    public Path signerCert() {
        return dir.resolve(SIGNER_CERT);
    }

    public Path signerKey() {
        return dir.resolve(SIGNER_KEY);
    }

    public Path signerClientCert() {
        return dir.resolve(SIGNER_CLIENT_CERT);
    }

    public Path signerClientKey() {
        return dir.resolve(SIGNER_CLIENT_KEY);
    }

    /** TLS client context that trusts the root CA and presents no certificate (HTTPS to a notary server). */
    public SSLContext clientSslContext() {
        return sslContext(null, null);
    }

    /** TLS client context that trusts the root CA and presents {@code signer-client.crt} (mutual TLS to a signer). */
    public SSLContext signerClientSslContext() {
        return sslContext(signerClientCert(), signerClientKey());
    }

    private SSLContext sslContext(Path clientCert, Path clientKey) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root-ca", Pem.readCertificates(rootCaCert()).get(0));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);

            KeyManagerFactory kmf = null;
            if (clientCert != null) {
                char[] password = new char[0];
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", Pem.readPrivateKey(clientKey), password,
                        Pem.readCertificates(clientCert).toArray(Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from " + dir, e);
        }
    }

    /** Issues the CA and the leaves the way certs.sh does (same extensions, same validity). */
    private static final class Issuer {
        private final KeyType keyType;
        private final JcaX509ExtensionUtils extensions;
        private final Instant now = Instant.now();
        private KeyPair caKeys;
        private X509Certificate caCert;

        Issuer(KeyType keyType) throws GeneralSecurityException {
            this.keyType = keyType;
            this.extensions = new JcaX509ExtensionUtils();
        }

        void writeAll(Path dir) throws GeneralSecurityException, OperatorCreationException, CertIOException {
            caKeys = newKeyPair(true);
            X500Principal caName = new X500Principal(
                    "CN=Notary Test Root CA " + now.getEpochSecond() + ", O=notary4j testkit");
            X509v3CertificateBuilder ca = builder(caName, caName, CA_VALIDITY, caKeys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            caCert = sign(ca);
            Pem.writeCertificates(dir.resolve(ROOT_CA_CERT), caCert);

            KeyPurposeId[] serverAndClient = {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};
            writeLeaf(dir, "notary-server", "notary-server", serverAndClient, true);
            writeLeaf(dir, "notary-signer", "notary-signer", new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth},
                    true);
            writeLeaf(dir, "signer-client", "notary-server-client",
                    new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, false);
        }

        private void writeLeaf(Path dir, String fileName, String commonName, KeyPurposeId[] usages,
                boolean loopbackNames) throws GeneralSecurityException, OperatorCreationException, CertIOException {
            KeyPair keys = newKeyPair(false);
            X500Principal subject = new X500Principal("CN=" + commonName + ", O=notary4j testkit");
            X509v3CertificateBuilder leaf = builder(caCert.getSubjectX500Principal(), subject, LEAF_VALIDITY, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(caCert));
            if (loopbackNames) {
                leaf.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1"),
                }));
            }
            X509Certificate cert = sign(leaf);
            Pem.writeCertificates(dir.resolve(fileName + ".crt"), cert);
            Pem.writePrivateKey(dir.resolve(fileName + ".key"), keys.getPrivate());
        }

        private X509v3CertificateBuilder builder(X500Principal issuer, X500Principal subject, Duration validity,
                KeyPair keys) throws CertIOException {
            BigInteger serial = new BigInteger(63, RANDOM);
            return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(CLOCK_SKEW)),
                    Date.from(now.plus(validity)), subject, keys.getPublic())
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
        }

        private X509Certificate sign(X509v3CertificateBuilder builder)
                throws OperatorCreationException, GeneralSecurityException {
            PrivateKey signingKey = caKeys.getPrivate();
            String algorithm = keyType == KeyType.RSA ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
        }

        private KeyPair newKeyPair(boolean forCa) throws GeneralSecurityException {
            if (keyType == KeyType.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(forCa ? 4096 : 2048, RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        }
    }
}
