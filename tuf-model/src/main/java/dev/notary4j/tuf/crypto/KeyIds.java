package dev.notary4j.tuf.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** Notary's two key identifiers (tuf-client spec §3.2). */
public final class KeyIds {
    private static final byte[] PREFIX = "{\"keytype\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = "\",\"keyval\":{\"private\":null,\"public\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}}".getBytes(StandardCharsets.US_ASCII);

    private KeyIds() {
    }

    /**
     * Lowercase hex SHA-256 of the canonical JSON {@code {"keytype":T,"keyval":{"private":null,"public":B64}}},
     * where canonical strings escape only {@code "} and {@code \}.
     */
    public static String tufKeyId(String keyType, byte[] publicBytes) {
        byte[] type = keyType.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = Base64.getEncoder().encode(publicBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(PREFIX.length + type.length + MIDDLE.length
                + encoded.length + SUFFIX.length + 8);
        out.writeBytes(PREFIX);
        for (byte b : type) {
            if (b == '"' || b == '\\') {
                out.write('\\');
            }
            out.write(b);
        }
        out.writeBytes(MIDDLE);
        out.writeBytes(encoded);
        out.writeBytes(SUFFIX);
        return HexFormat.of().formatHex(Hashes.sha256(out.toByteArray()));
    }

    /**
     * Go's {@code utils.CanonicalKeyID}: for {@code ecdsa-x509}/{@code rsa-x509} the TUF ID of the plain
     * {@code ecdsa}/{@code rsa} key holding the first certificate's SubjectPublicKeyInfo; otherwise the TUF ID.
     *
     * @throws KeyFormatException if an x509 key holds no parsable certificate
     */
    public static String canonicalKeyId(TufKey key) {
        return key.algorithm().map(algorithm -> switch (algorithm) {
            case ECDSA_X509 -> plainKeyId(KeyAlgorithm.ECDSA, key);
            case RSA_X509 -> plainKeyId(KeyAlgorithm.RSA, key);
            default -> key.id();
        }).orElse(key.id());
    }

    private static String plainKeyId(KeyAlgorithm plain, TufKey key) {
        X509Certificate certificate = Certificates.firstCertificate(key.rawPublicBytes())
                .orElseThrow(() -> new KeyFormatException(key.keyType(), "no certificates found in PEM data"));
        return tufKeyId(plain.wireName(), certificate.getPublicKey().getEncoded());
    }
}
