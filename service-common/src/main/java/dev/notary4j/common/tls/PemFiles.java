package dev.notary4j.common.tls;

import dev.notary4j.common.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the PEM files a notary deployment already has (certificates, and private keys as PKCS#8, SEC1
 * "EC PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY", as Go's tls.LoadX509KeyPair accepts) into JSSE objects.
 * Error messages name the file, never its content.
 */
public final class PemFiles {

    private static final char[] NO_PASSWORD = new char[0];

    private PemFiles() {
    }

    public static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new ConfigException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new ConfigException("no CERTIFICATE block in " + file);
        }
        return certificates;
    }

    public static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read the private key in " + file + " (it must be an unencrypted PEM key)", e);
        }
        throw new ConfigException("no unencrypted PRIVATE KEY block in " + file);
    }

    /** Key managers presenting {@code certFile}'s chain with {@code keyFile}'s key. */
    public static KeyManagerFactory keyManagers(Path certFile, Path keyFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<X509Certificate> chain = certificates(certFile);
            store.setKeyEntry("identity", privateKey(keyFile), NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return factory;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new ConfigException("cannot use " + certFile + " with " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** Trust managers that trust exactly the certificates in {@code caFile}. */
    public static TrustManagerFactory trustManagers(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate certificate : certificates(caFile)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new ConfigException("cannot use " + caFile + " as a CA bundle: " + e.getMessage(), e);
        }
    }
}
