package dev.notary4j.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM files as openssl, Go and Java all read them: certificates and unencrypted PKCS#8 keys. */
final class Pem {
    private Pem() {
    }

    static void writeCertificates(Path file, X509Certificate... certificates) {
        write(file, writer -> {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        });
    }

    /** Writes "BEGIN PRIVATE KEY" (PKCS#8, unencrypted), never the traditional EC/RSA forms. */
    static void writePrivateKey(Path file, PrivateKey key) {
        write(file, writer -> writer.writeObject(new JcaPKCS8Generator(key, null)));
    }

    static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = parser(file)) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("bad certificate in " + file, e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file);
        }
        return certificates;
    }

    /** Reads an unencrypted key in PKCS#8 or the traditional "EC/RSA PRIVATE KEY" form. */
    static PrivateKey readPrivateKey(Path file) {
        try (PEMParser parser = parser(file)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        throw new IllegalArgumentException("no unencrypted private key in " + file);
    }

    private static PEMParser parser(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        return new PEMParser(reader);
    }

    private interface PemWriting {
        void writeTo(JcaPEMWriter writer) throws IOException;
    }

    private static void write(Path file, PemWriting content) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter writer = new JcaPEMWriter(out)) {
            content.writeTo(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
