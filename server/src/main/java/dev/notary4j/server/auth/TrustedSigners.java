package dev.notary4j.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.util.encoders.Base32;

/**
 * The {@code rootcertbundle}: the certificates whose keys may sign tokens, directly (by libtrust key ID in the
 * JWT's {@code kid}) or as the root of the JWT's {@code x5c} chain, as docker distribution's token verifier does.
 */
public final class TrustedSigners {

    private final Set<TrustAnchor> anchors;
    private final Map<String, PublicKey> keysById;

    private TrustedSigners(List<X509Certificate> roots) {
        this.anchors = roots.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        roots.forEach(c -> keys.put(libtrustKeyId(c.getPublicKey()), c.getPublicKey()));
        this.keysById = Map.copyOf(keys);
    }

    /** Reads every CERTIFICATE of a PEM bundle; Go refuses to start without at least one. */
    public static TrustedSigners load(Path bundle) {
        try (InputStream in = Files.newInputStream(bundle)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("token auth requires at least one token signing root certificate");
            }
            return new TrustedSigners(certs);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("unable to read token auth root certificate bundle " + bundle + ": "
                    + e.getMessage(), e);
        }
    }

    /** The bundle key a JWT's {@code kid} names. */
    public Optional<PublicKey> byKeyId(String keyId) {
        return Optional.ofNullable(keysById.get(keyId));
    }

    /**
     * The leaf key of an {@code x5c} chain (leaf first) that verifies to a bundle certificate at {@code now}
     * (Go's x509 Verify with any extended key usage). Like Go, every certificate of the chain must be within its
     * validity period, also one that is itself in the bundle (PKIX alone would not check a trust anchor's dates).
     */
    public PublicKey verifyChain(List<X509Certificate> chain, Instant now) throws InvalidTokenException {
        if (chain.isEmpty()) {
            throw new InvalidTokenException("empty x5c chain");
        }
        try {
            for (X509Certificate cert : chain) {
                cert.checkValidity(Date.from(now));
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            List<X509Certificate> path = chain.stream()
                    .filter(c -> anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))).toList();
            if (path.isEmpty()) {
                return chain.get(0).getPublicKey();
            }
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return chain.get(0).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("x5c chain does not verify to a trusted root: " + e.getMessage(), e);
        }
    }

    /** libtrust's key ID: SHA-256 of the DER SubjectPublicKeyInfo, first 240 bits, base32, 12 groups of 4. */
    public static String libtrustKeyId(PublicKey key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        String base32 = Base32.toBase32String(Arrays.copyOf(digest, 30));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < base32.length(); i += 4) {
            if (i > 0) {
                id.append(':');
            }
            id.append(base32, i, i + 4);
        }
        return id.toString();
    }

    static List<X509Certificate> decodeChain(List<String> base64Ders) throws InvalidTokenException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return base64Ders.stream().map(Base64.getDecoder()::decode).map(der -> {
                try {
                    return (X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }).toList();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidTokenException("malformed x5c certificate: " + e.getMessage(), e);
        }
    }
}
