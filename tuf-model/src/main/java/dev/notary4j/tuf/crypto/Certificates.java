package dev.notary4j.tuf.crypto;

import dev.notary4j.tuf.crypto.CertificateRuleException.Rule;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Notary's certificate handling: PEM bundles in x509 TUF keys, the root certificate rules (server spec §5.4
 * R3/R4), the delegation certificate rule (T2), rebuilding the TUF key Go verifies root signatures against, and
 * root certificate generation (tuf-client spec §3.5). The clock is always a parameter.
 */
public final class Certificates {
    /** Go's x509 SHA-1 signature algorithms: sha1WithRSA (two OIDs), dsaWithSHA1, ecdsa-with-SHA1. */
    private static final Set<String> SHA1_SIGNATURE_OIDS =
            Set.of("1.2.840.113549.1.1.5", "1.3.14.3.2.29", "1.2.840.10040.4.3", "1.2.840.10045.4.1");
    private static final Duration NOT_BEFORE_LEEWAY = Duration.ofDays(1);
    private static final int MIN_RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A root-role key split as notary's {@code parseAllCerts} does: its single leaf, then the CA certificates. */
    public record RootCertificate(TufKey key, X509Certificate leaf, List<X509Certificate> intermediates) {
        public RootCertificate {
            intermediates = List.copyOf(intermediates);
        }
    }

    /**
     * The root-role keys that count for signature verification, rebuilt from their certificates as Go does, and
     * the keys that were dropped with the rule each one failed (Go only logs those).
     */
    public record RootKeySelection(List<TufKey> keys, Map<String, CertificateRuleException> rejected) {
        public RootKeySelection {
            keys = List.copyOf(keys);
            rejected = Map.copyOf(rejected);
        }
    }

    private Certificates() {
    }

    /**
     * R3/R4/R7 for a root being validated ({@code ValidateRoot} on the new root): leaves must match the GUN and be
     * valid at {@code now}; only intermediates valid at {@code now} are kept in the rebuilt keys.
     */
    public static RootKeySelection rootKeysOfNewRoot(Collection<TufKey> rootRoleKeys, String gun, Instant now) {
        Objects.requireNonNull(now, "now");
        return selectRootKeys(rootRoleKeys, gun, now);
    }

    /**
     * R5 for the previously trusted root: leaves must match the GUN, expiry is not checked, and every intermediate
     * of the bundle is kept (Go passes the unfiltered intermediates here).
     */
    public static RootKeySelection rootKeysOfPreviousRoot(Collection<TufKey> rootRoleKeys, String gun) {
        return selectRootKeys(rootRoleKeys, gun, null);
    }

    private static RootKeySelection selectRootKeys(Collection<TufKey> rootRoleKeys, String gun, Instant now) {
        Map<String, TufKey> keys = new LinkedHashMap<>();
        Map<String, CertificateRuleException> rejected = new LinkedHashMap<>();
        for (TufKey key : rootRoleKeys) {
            try {
                RootCertificate certificate = parseRootKey(key);
                if (now == null) {
                    checkRootLeafIgnoringExpiry(certificate.leaf(), gun);
                } else {
                    checkRootLeaf(certificate.leaf(), gun, now);
                }
                List<X509Certificate> intermediates = now == null
                        ? certificate.intermediates() : validIntermediates(certificate.intermediates(), now);
                TufKey rebuilt = toTufKey(certificate.leaf(), intermediates);
                keys.put(rebuilt.id(), rebuilt);
            } catch (CertificateRuleException e) {
                rejected.put(key.id(), e);
            }
        }
        return new RootKeySelection(new ArrayList<>(keys.values()), rejected);
    }

    /** Go's {@code LoadCertBundleFromPEM}: every PEM block must be a parsable CERTIFICATE, at least one. */
    public static List<X509Certificate> parseBundle(byte[] pem) throws CertificateRuleException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Pem.Block block : Pem.decodeAll(pem)) {
            if (!"CERTIFICATE".equals(block.type())) {
                throw new CertificateRuleException(Rule.INVALID_BUNDLE, "", "invalid pem block type: " + block.type());
            }
            try {
                certificates.add(PublicKeys.parseCertificate("x509", block.bytes()));
            } catch (KeyFormatException e) {
                throw new CertificateRuleException(Rule.INVALID_BUNDLE, "", e.getMessage());
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateRuleException(Rule.INVALID_BUNDLE, "", "no valid certificates found");
        }
        return certificates;
    }

    public static List<X509Certificate> parseBundle(TufKey key) throws CertificateRuleException {
        return parseBundle(key.rawPublicBytes());
    }

    /**
     * Go's {@code LoadCertFromPEM}: the first headerless CERTIFICATE block that parses; other blocks and
     * unparsable certificates are skipped.
     */
    public static Optional<X509Certificate> firstCertificate(byte[] pem) {
        for (Pem.Block block : Pem.decodeAll(pem)) {
            if (!"CERTIFICATE".equals(block.type()) || block.hasHeaders()) {
                continue;
            }
            try {
                return Optional.of(PublicKeys.parseCertificate("x509", block.bytes()));
            } catch (KeyFormatException e) {
                // skipped, as Go does
            }
        }
        return Optional.empty();
    }

    /** R3: the key's PEM bundle holds exactly one non-CA certificate, and it comes first. */
    public static RootCertificate parseRootKey(TufKey key) throws CertificateRuleException {
        List<X509Certificate> bundle = parseBundle(key);
        List<X509Certificate> leaves = bundle.stream().filter(c -> !isCa(c)).toList();
        if (leaves.size() != 1) {
            throw new CertificateRuleException(Rule.LEAF_COUNT, "",
                    "invalid chain: expected one leaf certificate, found " + leaves.size() + " for key " + key.id());
        }
        if (isCa(bundle.get(0))) {
            throw new CertificateRuleException(Rule.LEAF_NOT_FIRST, commonName(leaves.get(0)),
                    "invalid chain: leaf certificate is not the first certificate for key " + key.id());
        }
        return new RootCertificate(key, leaves.get(0), bundle.stream().filter(Certificates::isCa).toList());
    }

    /** R4 for a new root: CN matches the GUN and the certificate is valid at {@code now}. */
    public static void checkRootLeaf(X509Certificate leaf, String gun, Instant now) throws CertificateRuleException {
        checkCommonName(leaf, gun);
        validate(leaf, now);
    }

    /** R5 (certificates of the previous root): as {@link #checkRootLeaf} but expiry is not checked. */
    public static void checkRootLeafIgnoringExpiry(X509Certificate leaf, String gun) throws CertificateRuleException {
        checkCommonName(leaf, gun);
        validateIgnoringExpiry(leaf);
    }

    /** Go's {@code MatchCNToGun}: equal, or CN ends in {@code *} and the GUN starts with CN minus its trailing stars. */
    public static boolean commonNameMatchesGun(String commonName, String gun) {
        if (commonName.endsWith("*")) {
            int end = commonName.length();
            while (end > 0 && commonName.charAt(end - 1) == '*') {
                end--;
            }
            return gun.startsWith(commonName.substring(0, end));
        }
        return commonName.equals(gun);
    }

    /** Go's {@code ValidateCertificate(c, true)} with an injected clock. */
    public static void validate(X509Certificate certificate, Instant now) throws CertificateRuleException {
        Objects.requireNonNull(now, "now");
        validateIgnoringExpiry(certificate);
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.plus(NOT_BEFORE_LEEWAY).isBefore(notBefore) || now.isAfter(notAfter)) {
            throw new CertificateRuleException(Rule.EXPIRED, commonName(certificate),
                    "notary certificate with CN " + commonName(certificate) + " is expired");
        }
    }

    /** Go's {@code ValidateCertificate(c, false)}: validity window order, no SHA-1, RSA of at least 2048 bits. */
    public static void validateIgnoringExpiry(X509Certificate certificate) throws CertificateRuleException {
        String cn = commonName(certificate);
        if (certificate.getNotBefore().after(certificate.getNotAfter())) {
            throw new CertificateRuleException(Rule.VALIDITY_WINDOW_INVALID, cn, "certificate validity window is invalid");
        }
        if (SHA1_SIGNATURE_OIDS.contains(certificate.getSigAlgOID())) {
            throw new CertificateRuleException(Rule.SHA1_SIGNATURE, cn,
                    "certificate with CN " + cn + " uses invalid SHA1 signature algorithm");
        }
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new CertificateRuleException(Rule.RSA_KEY_TOO_SHORT, cn, "RSA bit length is too short");
        }
    }

    /** Go's {@code validRootIntCerts}: the intermediates that pass {@link #validate} (expiry checked). */
    public static List<X509Certificate> validIntermediates(List<X509Certificate> intermediates, Instant now) {
        List<X509Certificate> valid = new ArrayList<>();
        for (X509Certificate intermediate : intermediates) {
            try {
                validate(intermediate, now);
                valid.add(intermediate);
            } catch (CertificateRuleException e) {
                // invalid intermediates are dropped, not fatal
            }
        }
        return valid;
    }

    /** T2: a delegation key that holds a certificate must pass the rules without expiry; other keys pass. */
    public static void checkDelegationKey(TufKey key) throws CertificateRuleException {
        Optional<X509Certificate> certificate = firstCertificate(key.rawPublicBytes());
        if (certificate.isPresent()) {
            validateIgnoringExpiry(certificate.get());
        }
    }

    /**
     * Go's {@code CertBundleToKey}: leaf then intermediates re-encoded as Go PEM; the type follows the leaf's key.
     * Its {@link TufKey#id()} is what R5/R7 match signature key IDs against.
     */
    public static TufKey toTufKey(X509Certificate leaf, List<X509Certificate> intermediates)
            throws CertificateRuleException {
        KeyAlgorithm type = switch (leaf.getPublicKey().getAlgorithm()) {
            case "RSA" -> KeyAlgorithm.RSA_X509;
            case "EC" -> KeyAlgorithm.ECDSA_X509;
            default -> throw new CertificateRuleException(Rule.UNSUPPORTED_KEY_ALGORITHM, commonName(leaf),
                    "unknown key type parsed from certificate: " + leaf.getPublicKey().getAlgorithm());
        };
        List<X509Certificate> chain = new ArrayList<>(intermediates.size() + 1);
        chain.add(leaf);
        chain.addAll(intermediates);
        return new TufKey(type, toPem(chain).getBytes(StandardCharsets.US_ASCII));
    }

    /** Go's PEM encoding of a chain: each block {@code -----BEGIN CERTIFICATE-----\n}, 64-column base64, END line. */
    public static String toPem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append(Pem.encode("CERTIFICATE", certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return pem.toString();
    }

    /**
     * The self-signed root certificate notary's client creates ({@code cryptoservice.GenerateCertificate}):
     * CN = GUN as subject and issuer, random serial below 2^128, KeyUsage digitalSignature+keyEncipherment
     * (critical), ExtKeyUsage codeSigning, BasicConstraints CA=false (critical), signed SHA-256 with the key.
     * Notary itself uses notBefore = now and notAfter = now + 10 x 365 days.
     *
     * @return the {@code ecdsa-x509}/{@code rsa-x509} TUF key holding the certificate PEM
     */
    public static TufKey generateRootCertificate(TufPrivateKey key, String gun, Instant notBefore, Instant notAfter) {
        String signatureAlgorithm = switch (key.algorithm()) {
            case ECDSA -> "SHA256withECDSA";
            case RSA -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("notary makes certificates only for ecdsa and rsa keys");
        };
        X500Name name = new X500Name(new RDN[] {new RDN(BCStyle.CN, goDirectoryString(gun))});
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() == 0);
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial,
                    Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS)),
                    Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS)),
                    name, SubjectPublicKeyInfo.getInstance(key.publicBytes()));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509CertificateHolder holder = builder.build(
                    signerBuilder(key.algorithm(), signatureAlgorithm).build(key.jcaPrivateKey()));
            X509Certificate certificate = PublicKeys.parseCertificate("x509", holder.getEncoded());
            return toTufKey(certificate, List.of());
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CertificateRuleException e) {
            throw new IllegalStateException("cannot create root certificate", e);
        }
    }

    private static JcaContentSignerBuilder signerBuilder(KeyAlgorithm algorithm, String signatureAlgorithm) {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(signatureAlgorithm);
        return algorithm == KeyAlgorithm.ECDSA ? builder.setProvider(PublicKeys.BouncyCastle.PROVIDER) : builder;
    }

    /** Go's {@code Subject.CommonName}: the last CN attribute holding a string. Empty if none. */
    public static String commonName(X509Certificate certificate) {
        String commonName = "";
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (BCStyle.CN.equals(attribute.getType()) && attribute.getValue() instanceof ASN1String value) {
                    commonName = value.getString();
                }
            }
        }
        return commonName;
    }

    private static void checkCommonName(X509Certificate leaf, String gun) throws CertificateRuleException {
        String cn = commonName(leaf);
        if (!commonNameMatchesGun(cn, gun)) {
            throw new CertificateRuleException(Rule.COMMON_NAME_MISMATCH, cn,
                    "leaf certificate CN " + cn + " doesn't match the given GUN " + gun);
        }
    }

    private static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() != -1;
    }

    /** Go's asn1 marshals a string as PrintableString when it can, otherwise UTF8String. */
    private static ASN1Encodable goDirectoryString(String value) {
        return DERPrintableString.isPrintableString(value) ? new DERPrintableString(value) : new DERUTF8String(value);
    }
}
