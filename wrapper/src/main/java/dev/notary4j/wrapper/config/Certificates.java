package dev.notary4j.wrapper.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** PEM certificate bundles named by configuration fields. */
public final class Certificates {
    private Certificates() {
    }

    public static List<X509Certificate> load(String field, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new ConfigException(field, "no certificate in " + file);
            }
            return certs;
        } catch (IOException | CertificateException e) {
            throw new ConfigException(field, "cannot read certificates from " + file + ": " + e.getMessage());
        }
    }
}
