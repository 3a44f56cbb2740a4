package dev.notary4j.tuf.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Public-key and certificate decoding with Go's strictness ({@code x509.ParsePKIXPublicKey},
 * {@code x509.ParseCertificate}): exact DER, named NIST curves only, uncompressed points on the curve, RSA with
 * NULL parameters, no trailing bytes. The JDK alone is more lenient in places, and Law 2 forbids accepting more.
 */
final class PublicKeys {
    private static final Set<ASN1ObjectIdentifier> GO_CURVES = Set.of(
            SECObjectIdentifiers.secp224r1, X9ObjectIdentifiers.prime256v1,
            SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);
    private static final Set<ASN1ObjectIdentifier> GO_PARSED_KEY_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.rsaEncryption, X9ObjectIdentifiers.id_ecPublicKey, EdECObjectIdentifiers.id_Ed25519);
    private static final BigInteger MAX_RSA_EXPONENT = BigInteger.valueOf(Integer.MAX_VALUE);

    private PublicKeys() {
    }

    /** Parses DER SubjectPublicKeyInfo holding an RSA, ECDSA or Ed25519 key. */
    static PublicKey parsePkix(String keyType, byte[] der) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
                throw new KeyFormatException(keyType, "public key is not DER SubjectPublicKeyInfo");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyFormatException kfe) {
                throw kfe;
            }
            throw new KeyFormatException(keyType, "public key is not DER SubjectPublicKeyInfo", e);
        }
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                if (!DERNull.INSTANCE.equals(info.getAlgorithm().getParameters())) {
                    throw new KeyFormatException(keyType, "RSA key missing NULL parameters");
                }
                RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(der));
                if (key.getModulus().signum() <= 0 || key.getPublicExponent().signum() <= 0
                        || key.getPublicExponent().compareTo(MAX_RSA_EXPONENT) > 0) {
                    throw new KeyFormatException(keyType, "invalid RSA modulus or exponent");
                }
                return key;
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)
                        || !GO_CURVES.contains(curve)) {
                    throw new KeyFormatException(keyType, "unsupported elliptic curve");
                }
                ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
                checkUncompressedPointOnCurve(keyType, info.getPublicKeyData().getOctets(), key.getParams());
                return key;
            }
            if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
                if (info.getAlgorithm().getParameters() != null || info.getPublicKeyData().getOctets().length != 32) {
                    throw new KeyFormatException(keyType, "invalid Ed25519 public key");
                }
                return KeyFactory.getInstance("Ed25519", BouncyCastle.PROVIDER)
                        .generatePublic(new X509EncodedKeySpec(der));
            }
        } catch (KeyFormatException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFormatException(keyType, "unparsable public key", e);
        }
        throw new KeyFormatException(keyType, "unsupported public key algorithm " + algorithm.getId());
    }

    /** Raw 32-byte Ed25519 public key as stored in {@code ed25519} TUF keys. */
    static PublicKey ed25519(byte[] raw) {
        if (raw.length != 32) {
            throw new KeyFormatException(KeyAlgorithm.ED25519.wireName(), "public key must be 32 bytes");
        }
        return parsePkix(KeyAlgorithm.ED25519.wireName(), ed25519Spki(raw));
    }

    static byte[] ed25519Spki(byte[] raw) {
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    /** One DER certificate, rejecting trailing data as Go does. */
    static X509Certificate parseCertificate(String keyType, byte[] der) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw new KeyFormatException(keyType, "certificate has trailing data");
            }
            byte[] spki = subjectPublicKeyInfo(keyType, certificate);
            if (GO_PARSED_KEY_ALGORITHMS.contains(SubjectPublicKeyInfo.getInstance(spki).getAlgorithm().getAlgorithm())) {
                parsePkix(keyType, spki); // Go's ParseCertificate fails on a malformed key of a type it knows
            }
            return certificate;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof KeyFormatException kfe) {
                throw kfe;
            }
            throw new KeyFormatException(keyType, "unparsable certificate", e);
        }
    }

    /** The certificate's own SubjectPublicKeyInfo bytes, parsed as strictly as a bare key. */
    static PublicKey certificatePublicKey(String keyType, X509Certificate certificate) {
        return parsePkix(keyType, subjectPublicKeyInfo(keyType, certificate));
    }

    static byte[] subjectPublicKeyInfo(String keyType, X509Certificate certificate) {
        try {
            return Certificate.getInstance(certificate.getEncoded()).getSubjectPublicKeyInfo()
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new KeyFormatException(keyType, "certificate without a readable public key", e);
        }
    }

    /**
     * Bouncy Castle as a private JCA provider instance (never registered globally), made on first use: it loads
     * hundreds of classes from a signed jar (~0.4-0.9 s in a fresh JVM). Used for signing with ECDSA and Ed25519
     * and for Ed25519 verification: JDK 17's implementations are 4-7x slower (~1-2 ms vs ~0.2-0.4 ms per
     * verification) and lack P-224, which Go still verifies. ECDSA verification uses Bouncy Castle's signer
     * without the provider; RSA stays on the JDK.
     */
    static final class BouncyCastle {
        static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();

        private BouncyCastle() {
        }
    }

    /**
     * Go's {@code elliptic.Unmarshal}: the uncompressed form (0x04, X, Y at the field's size), both coordinates
     * below the field prime, and y^2 = x^3 + ax + b. With the JDK's curve parameters: the JDK provider (no Bouncy
     * Castle start-up on the verification path) does not check the point itself.
     */
    private static void checkUncompressedPointOnCurve(String keyType, byte[] point, ECParameterSpec curve) {
        int size = (curve.getCurve().getField().getFieldSize() + 7) / 8;
        if (point.length != 1 + 2 * size || point[0] != 0x04) {
            throw new KeyFormatException(keyType, "invalid elliptic curve point");
        }
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
        BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !y.multiply(y).mod(p).equals(right)) {
            throw new KeyFormatException(keyType, "invalid elliptic curve point");
        }
    }
}
