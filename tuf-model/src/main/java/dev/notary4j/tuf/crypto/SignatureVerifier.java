package dev.notary4j.tuf.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Notary's signature verification ({@code tuf/signed/verifiers.go}). The verifier is chosen by the method, and
 * the method must be one the key type accepts; a mismatch never verifies (no CVE-2015-9258 style confusion).
 * Never throws on bad input.
 */
public final class SignatureVerifier {
    static final int MIN_RSA_BITS = 2048;
    private static final int MAX_REMEMBERED_KEYS = 4_096;
    private static final Map<TufKey, ParsedKey> PARSED_KEYS = new ConcurrentHashMap<>();
    static final PSSParameterSpec PSS_SHA256_SALT32 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    /** A parsed key and, for ECDSA, its Bouncy Castle lightweight form (null otherwise). */
    private record ParsedKey(PublicKey key, ECPublicKeyParameters ecdsa) {
    }

    private SignatureVerifier() {
    }

    public static boolean verify(TufKey key, String method, byte[] message, byte[] signature) {
        return check(key, method, message, signature).isValid();
    }

    /** As {@link #verify}, with the reason a signature does not count. */
    public static Verification check(TufKey key, String method, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null) {
            return Verification.INVALID_SIGNATURE;
        }
        Optional<SignatureMethod> known = SignatureMethod.fromWireName(method);
        if (known.isEmpty()) {
            return Verification.UNKNOWN_METHOD;
        }
        Optional<KeyAlgorithm> keyAlgorithm = key.algorithm();
        if (keyAlgorithm.isEmpty() || !accepts(known.get(), keyAlgorithm.get())) {
            return Verification.METHOD_NOT_ALLOWED_FOR_KEY_TYPE;
        }
        try {
            return switch (known.get()) {
                case ECDSA -> verifyEcdsa(parsed(key, keyAlgorithm.get()), message, signature);
                case RSAPSS -> verifyRsa(parsed(key, keyAlgorithm.get()).key(), true, message, signature);
                case RSA_PKCS1V15 -> verifyRsa(parsed(key, keyAlgorithm.get()).key(), false, message, signature);
                case PYCRYPTO_PSS -> verifyRsa(pemPublicKey(key), true, message, signature);
                case EDDSA -> verifyEd25519(key, message, signature);
            };
        } catch (KeyFormatException e) {
            return Verification.MALFORMED_KEY;
        } catch (GeneralSecurityException | RuntimeException e) {
            return Verification.INVALID_SIGNATURE;
        }
    }

    /** The key types each method accepts (tuf-client spec §3.3). */
    public static boolean accepts(SignatureMethod method, KeyAlgorithm keyAlgorithm) {
        return switch (method) {
            case ECDSA -> keyAlgorithm == KeyAlgorithm.ECDSA || keyAlgorithm == KeyAlgorithm.ECDSA_X509;
            case RSAPSS, RSA_PKCS1V15 -> keyAlgorithm == KeyAlgorithm.RSA || keyAlgorithm == KeyAlgorithm.RSA_X509;
            case PYCRYPTO_PSS -> keyAlgorithm == KeyAlgorithm.RSA;
            case EDDSA -> keyAlgorithm == KeyAlgorithm.ED25519;
        };
    }

    /**
     * The parsed key, remembered by TUF key: the same few keys sign everything a server or client verifies, and
     * parsing (a certificate, for x509 keys) is a good part of a verification. An ECDSA key keeps one Bouncy Castle
     * point, which carries BC's precomputed multiples from one verification to the next.
     */
    private static ParsedKey parsed(TufKey key, KeyAlgorithm algorithm) {
        ParsedKey remembered = PARSED_KEYS.get(key);
        if (remembered != null) {
            return remembered;
        }
        PublicKey publicKey = publicKey(key, algorithm);
        ParsedKey parsed = new ParsedKey(publicKey,
                publicKey instanceof ECPublicKey ec ? ecdsaParameters(ec) : null);
        if (PARSED_KEYS.size() >= MAX_REMEMBERED_KEYS) {
            PARSED_KEYS.clear();
        }
        PARSED_KEYS.put(key, parsed);
        return parsed;
    }

    /** The key on its Go curve for Bouncy Castle's ECDSA (used without its JCA provider: no provider start-up). */
    private static ECPublicKeyParameters ecdsaParameters(ECPublicKey ec) {
        X9ECParameters curve = CustomNamedCurves.getByName(switch (ec.getParams().getCurve().getField().getFieldSize()) {
            case 224 -> "P-224";
            case 256 -> "P-256";
            case 384 -> "P-384";
            case 521 -> "P-521";
            default -> throw new KeyFormatException(KeyAlgorithm.ECDSA.wireName(), "unsupported elliptic curve");
        });
        ECPoint point = curve.getCurve().createPoint(ec.getW().getAffineX(), ec.getW().getAffineY());
        return new ECPublicKeyParameters(point, new ECDomainParameters(curve));
    }

    /** Bare keys are DER SPKI; x509 keys use the first PEM block, whatever its type, as Go's verifiers do. */
    private static PublicKey publicKey(TufKey key, KeyAlgorithm algorithm) {
        if (algorithm.isCertificate()) {
            Pem.Block block = Pem.decodeFirst(key.rawPublicBytes())
                    .orElseThrow(() -> new KeyFormatException(key.keyType(), "no PEM block"));
            return PublicKeys.certificatePublicKey(key.keyType(),
                    PublicKeys.parseCertificate(key.keyType(), block.bytes()));
        }
        return PublicKeys.parsePkix(key.keyType(), key.rawPublicBytes());
    }

    /** The legacy PyCrypto verifier expects PEM here, unlike every other {@code rsa} consumer. */
    private static PublicKey pemPublicKey(TufKey key) {
        Pem.Block block = Pem.decodeFirst(key.rawPublicBytes())
                .orElseThrow(() -> new KeyFormatException(key.keyType(), "no PEM block"));
        return PublicKeys.parsePkix(key.keyType(), block.bytes());
    }

    private static Verification verifyEcdsa(ParsedKey key, byte[] message, byte[] signature) {
        if (!(key.key() instanceof ECPublicKey ec)) {
            return Verification.MALFORMED_KEY;
        }
        int half = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        if (signature.length != 2 * half) {
            return Verification.MALFORMED_SIGNATURE;
        }
        // SHA-256 whatever the curve; the signature is the raw r||s form (IEEE P1363).
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key.ecdsa());
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
        return verifier.verifySignature(Hashes.sha256(message), r, s) ? Verification.VALID : Verification.INVALID_SIGNATURE;
    }

    private static Verification verifyRsa(PublicKey key, boolean pss, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        if (!(key instanceof RSAPublicKey rsa)) {
            return Verification.MALFORMED_KEY;
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            return Verification.KEY_TOO_SHORT;
        }
        if (signature.length != (rsa.getModulus().bitLength() + 7) / 8) {
            return Verification.MALFORMED_SIGNATURE;
        }
        Signature verifier;
        if (pss) {
            verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(PSS_SHA256_SALT32);
        } else {
            verifier = Signature.getInstance("SHA256withRSA");
        }
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature) ? Verification.VALID : Verification.INVALID_SIGNATURE;
    }

    private static Verification verifyEd25519(TufKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        if (signature.length != 64) {
            return Verification.MALFORMED_SIGNATURE;
        }
        PublicKey publicKey = PublicKeys.ed25519(key.rawPublicBytes());
        Signature verifier = Signature.getInstance("Ed25519", PublicKeys.BouncyCastle.PROVIDER);
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature) ? Verification.VALID : Verification.INVALID_SIGNATURE;
    }
}
