package dev.notary4j.tuf.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A private key in notary's raw form (tuf-client spec §3.4, signer spec §6 "Plaintext"): ECDSA as SEC1
 * {@code ECPrivateKey} DER, RSA as PKCS#1 DER, Ed25519 as 96 bytes {@code public || seed || public}.
 * {@code publicBytes} are the TUF public bytes (DER SPKI, or the raw 32-byte Ed25519 key).
 * {@link #toString()} never shows key material.
 */
public record TufPrivateKey(KeyAlgorithm algorithm, byte[] publicBytes, byte[] privateBytes) {
    /** Notary's private Ed25519 OID in PKCS#8 files (not the standard 1.3.101.112). */
    static final ASN1ObjectIdentifier NOTARY_ED25519_OID = new ASN1ObjectIdentifier("1.3.6.1.4.1.11591.15.1");
    private static final Set<ASN1ObjectIdentifier> CURVES = Set.of(SECObjectIdentifiers.secp224r1,
            X9ObjectIdentifiers.prime256v1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);
    private static final int ED25519_BLOB_LENGTH = 96;
    private static final SecureRandom RANDOM = new SecureRandom();

    public TufPrivateKey {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm.isCertificate()) {
            throw new IllegalArgumentException("private keys are plain " + algorithm.wireName()
                    + " keys; the certificate is only their public form");
        }
        publicBytes = Objects.requireNonNull(publicBytes, "publicBytes").clone();
        privateBytes = Objects.requireNonNull(privateBytes, "privateBytes").clone();
    }

    @Override
    public byte[] publicBytes() {
        return publicBytes.clone();
    }

    @Override
    public byte[] privateBytes() {
        return privateBytes.clone();
    }

    public TufKey publicKey() {
        return new TufKey(algorithm, publicBytes);
    }

    /** TUF ID of the plain public key; for a root key this is the canonical ID of its certificate key. */
    public String id() {
        return publicKey().id();
    }

    /** The method notary writes for this key's signatures. */
    public SignatureMethod signatureMethod() {
        return switch (algorithm) {
            case ECDSA -> SignatureMethod.ECDSA;
            case RSA -> SignatureMethod.RSAPSS;
            case ED25519 -> SignatureMethod.EDDSA;
            default -> throw new IllegalStateException(algorithm.wireName());
        };
    }

    /** Signs as notary does: ECDSA SHA-256 raw r||s, RSASSA-PSS SHA-256 salt 32, pure Ed25519. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = switch (algorithm) {
                case ECDSA -> Signature.getInstance("SHA256withPLAIN-ECDSA", PublicKeys.BouncyCastle.PROVIDER);
                case RSA -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(SignatureVerifier.PSS_SHA256_SALT32);
                    yield pss;
                }
                case ED25519 -> Signature.getInstance("Ed25519", PublicKeys.BouncyCastle.PROVIDER);
                default -> throw new IllegalStateException(algorithm.wireName());
            };
            signer.initSign(jcaPrivateKey(), RANDOM);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException(algorithm.wireName(), "cannot sign with this key", e);
        }
    }

    /** A new key as notary generates it: ECDSA P-256, Ed25519, or RSA 2048 (e = 65537). */
    public static TufPrivateKey generate(KeyAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case ECDSA -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    KeyPair pair = generator.generateKeyPair();
                    yield fromEcScalar(X9ObjectIdentifiers.prime256v1,
                            ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS());
                }
                case ED25519 -> {
                    byte[] seed = new byte[32];
                    RANDOM.nextBytes(seed);
                    yield fromEd25519Seed(seed);
                }
                case RSA -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), RANDOM);
                    KeyPair pair = generator.generateKeyPair();
                    byte[] pkcs1 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey()
                            .toASN1Primitive().getEncoded(ASN1Encoding.DER);
                    yield new TufPrivateKey(KeyAlgorithm.RSA, pair.getPublic().getEncoded(), pkcs1);
                }
                default -> throw new IllegalArgumentException("cannot generate " + algorithm.wireName() + " keys");
            };
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("JDK cannot generate " + algorithm.wireName() + " keys", e);
        }
    }

    /**
     * Reads notary's raw private bytes and derives the public bytes. The private bytes are kept as given.
     *
     * @throws KeyFormatException if the bytes are not what Go's parser for that algorithm accepts
     */
    public static TufPrivateKey fromPrivateBytes(KeyAlgorithm algorithm, byte[] privateBytes) {
        String type = algorithm.wireName();
        try {
            return switch (algorithm) {
                case ECDSA -> {
                    ECPrivateKey sec1 = ECPrivateKey.getInstance(strictDer(privateBytes));
                    ASN1ObjectIdentifier curve = namedCurve(type, sec1.getParametersObject());
                    yield new TufPrivateKey(algorithm, ecPublicKeyInfo(type, curve, sec1.getKey()), privateBytes);
                }
                case ED25519 -> {
                    TufPrivateKey derived = fromEd25519Seed(ed25519Seed(privateBytes));
                    if (!Arrays.equals(derived.privateBytes, privateBytes)) {
                        throw new KeyFormatException(type, "public key halves do not match the seed");
                    }
                    yield derived;
                }
                case RSA -> {
                    RSAPrivateKey rsa = RSAPrivateKey.getInstance(strictDer(privateBytes));
                    byte[] spki = KeyFactory.getInstance("RSA")
                            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()))
                            .getEncoded();
                    yield new TufPrivateKey(algorithm, spki, privateBytes);
                }
                default -> throw new IllegalArgumentException(type + " is not a private key algorithm");
            };
        } catch (KeyFormatException e) {
            throw e;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new KeyFormatException(type, "malformed private key", e);
        }
    }

    /**
     * Reads the (decrypted) PKCS#8 DER of a notary key file: ECDSA and RSA as Go's {@code ParsePKCS8PrivateKey}
     * reads them, Ed25519 only under notary's private OID with the 96-byte blob as content.
     */
    public static TufPrivateKey fromPkcs8(byte[] der) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(strictDer(der));
            ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
            if (NOTARY_ED25519_OID.equals(oid)) {
                return fromPrivateBytes(KeyAlgorithm.ED25519, info.getPrivateKey().getOctets());
            }
            if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
                return fromPrivateBytes(KeyAlgorithm.RSA, info.parsePrivateKey().toASN1Primitive()
                        .getEncoded(ASN1Encoding.DER));
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
                ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
                ASN1Encodable inner = sec1.getParametersObject();
                ASN1ObjectIdentifier curve = namedCurve(KeyAlgorithm.ECDSA.wireName(),
                        inner != null ? inner : info.getPrivateKeyAlgorithm().getParameters());
                return fromEcScalar(curve, sec1.getKey());
            }
            throw new KeyFormatException("pkcs8", "unsupported key type " + oid.getId());
        } catch (KeyFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("pkcs8", "malformed PKCS#8 private key", e);
        }
    }

    /**
     * Unencrypted PKCS#8 DER exactly as notary writes it before encryption ({@code convertTUFKeyToPKCS8}):
     * ECDSA with version 1, RSA without NULL parameters, Ed25519 under notary's private OID.
     */
    public byte[] toPkcs8() {
        int version = algorithm == KeyAlgorithm.ECDSA ? 1 : 0;
        ASN1Encodable[] algorithmOids = switch (algorithm) {
            case ECDSA -> new ASN1Encodable[] {X9ObjectIdentifiers.id_ecPublicKey, ecCurveOfPrivateBytes()};
            case RSA -> new ASN1Encodable[] {PKCSObjectIdentifiers.rsaEncryption};
            case ED25519 -> new ASN1Encodable[] {NOTARY_ED25519_OID};
            default -> throw new IllegalStateException(algorithm.wireName());
        };
        try {
            return new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(version), new DERSequence(algorithmOids), new DEROctetString(privateBytes)
            }).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TufPrivateKey that && algorithm == that.algorithm
                && Arrays.equals(publicBytes, that.publicBytes) && Arrays.equals(privateBytes, that.privateBytes);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(publicBytes);
    }

    @Override
    public String toString() {
        return "TufPrivateKey[" + algorithm.wireName() + " " + id() + "]";
    }

    /** The key for JCA signing: Bouncy Castle for ECDSA/Ed25519 (see {@link PublicKeys.BouncyCastle}), JDK for RSA. */
    PrivateKey jcaPrivateKey() throws GeneralSecurityException {
        try {
            return switch (algorithm) {
                case ECDSA -> {
                    ECPrivateKey sec1 = ECPrivateKey.getInstance(strictDer(privateBytes));
                    ASN1ObjectIdentifier curve = namedCurve(algorithm.wireName(), sec1.getParametersObject());
                    PrivateKeyInfo info = new PrivateKeyInfo(
                            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), sec1);
                    yield KeyFactory.getInstance("EC", PublicKeys.BouncyCastle.PROVIDER)
                            .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
                }
                case RSA -> {
                    PrivateKeyInfo info = new PrivateKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            RSAPrivateKey.getInstance(strictDer(privateBytes)));
                    yield KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
                }
                case ED25519 -> {
                    PrivateKeyInfo info = new PrivateKeyInfo(
                            new AlgorithmIdentifier(org.bouncycastle.asn1.edec.EdECObjectIdentifiers.id_Ed25519),
                            new DEROctetString(ed25519Seed(privateBytes)));
                    yield KeyFactory.getInstance("Ed25519", PublicKeys.BouncyCastle.PROVIDER)
                            .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
                }
                default -> throw new IllegalStateException(algorithm.wireName());
            };
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException(algorithm.wireName(), "malformed private key", e);
        }
    }

    private ASN1ObjectIdentifier ecCurveOfPrivateBytes() {
        try {
            return namedCurve(algorithm.wireName(), ECPrivateKey.getInstance(strictDer(privateBytes))
                    .getParametersObject());
        } catch (IOException e) {
            throw new KeyFormatException(algorithm.wireName(), "malformed private key", e);
        }
    }

    /** Go's {@code MarshalECPrivateKey} output and {@code MarshalPKIXPublicKey} public bytes for a scalar. */
    private static TufPrivateKey fromEcScalar(ASN1ObjectIdentifier curve, BigInteger d) throws IOException {
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        byte[] spki = ecPublicKeyInfo(KeyAlgorithm.ECDSA.wireName(), curve, d);
        byte[] point = SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getOctets();
        byte[] sec1 = new ECPrivateKey(parameters.getN().bitLength(), d, new DERBitString(point), curve)
                .getEncoded(ASN1Encoding.DER);
        return new TufPrivateKey(KeyAlgorithm.ECDSA, spki, sec1);
    }

    private static byte[] ecPublicKeyInfo(String type, ASN1ObjectIdentifier curve, BigInteger d) throws IOException {
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        if (d.signum() <= 0 || d.compareTo(parameters.getN()) >= 0) {
            throw new KeyFormatException(type, "invalid elliptic curve private key value");
        }
        byte[] point = parameters.getG().multiply(d).normalize().getEncoded(false);
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point)
                .getEncoded(ASN1Encoding.DER);
    }

    private static ASN1ObjectIdentifier namedCurve(String type, ASN1Encodable parameters) {
        if (parameters != null && parameters.toASN1Primitive() instanceof ASN1ObjectIdentifier curve
                && CURVES.contains(curve)) {
            return curve;
        }
        throw new KeyFormatException(type, "unknown elliptic curve");
    }

    private static TufPrivateKey fromEd25519Seed(byte[] seed) {
        byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        byte[] blob = new byte[ED25519_BLOB_LENGTH];
        System.arraycopy(publicKey, 0, blob, 0, 32);
        System.arraycopy(seed, 0, blob, 32, 32);
        System.arraycopy(publicKey, 0, blob, 64, 32);
        return new TufPrivateKey(KeyAlgorithm.ED25519, publicKey, blob);
    }

    private static byte[] ed25519Seed(byte[] blob) {
        if (blob.length != ED25519_BLOB_LENGTH) {
            throw new KeyFormatException(KeyAlgorithm.ED25519.wireName(), "malformed ed25519 private key");
        }
        return Arrays.copyOfRange(blob, 32, 64);
    }

    private static ASN1Primitive strictDer(byte[] der) throws IOException {
        ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
        if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
            throw new IOException("not DER");
        }
        return primitive;
    }

}
