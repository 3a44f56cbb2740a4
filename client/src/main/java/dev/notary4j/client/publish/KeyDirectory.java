package dev.notary4j.client.publish;

import dev.notary4j.tuf.crypto.TufPrivateKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Private keys in notary's on-disk layout: {@code <trustDir>/private/<canonical key ID>.key}, mode 0600, a PEM block
 * {@code ENCRYPTED PRIVATE KEY} with headers {@code role: <role>} (and {@code gun: <gun>} for targets and snapshot
 * keys) holding PKCS#8 encrypted with PBES2 (PBKDF2-HMAC-SHA1, 2048 iterations, 8-byte salt, AES-256-CBC) as
 * notary does. The passphrase for a role comes from {@code passphrases} (the CLI reads notary's
 * {@code NOTARY_<ROLE>_PASSPHRASE} variables).
 */
public final class KeyDirectory {
    private static final int ITERATIONS = 2048;
    private static final long MAX_KEY_FILE = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path privateDir;
    private final Function<String, Optional<char[]>> passphrases;

    public KeyDirectory(Path trustDir, Function<String, Optional<char[]>> passphrases) {
        this.privateDir = trustDir.resolve("private");
        this.passphrases = passphrases;
    }

    /** notary's environment variable for a key role: delegations share {@code NOTARY_DELEGATION_PASSPHRASE}. */
    public static String passphraseVariable(String role) {
        String name = switch (role) {
            case "root", "targets", "snapshot" -> role;
            default -> "delegation";
        };
        return "NOTARY_" + name.toUpperCase(java.util.Locale.ROOT) + "_PASSPHRASE";
    }

    /** Passphrases from notary's environment variables in {@code environment}. */
    public static Function<String, Optional<char[]>> environmentPassphrases(Map<String, String> environment) {
        return role -> Optional.ofNullable(environment.get(passphraseVariable(role))).map(String::toCharArray);
    }

    /** Stores {@code key} for {@code role} ({@code gun} is recorded for targets and snapshot keys). */
    public void store(TufPrivateKey key, String role, Optional<String> gun) {
        char[] passphrase = passphrase(role);
        Map<String, String> headers = new LinkedHashMap<>();
        gun.ifPresent(g -> headers.put("gun", g));
        headers.put("role", role);
        String pem = pem("ENCRYPTED PRIVATE KEY", headers, encrypt(key.toPkcs8(), passphrase));
        try {
            Files.createDirectories(privateDir);
            Path file = privateDir.resolve(key.id() + ".key");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store key " + key.id(), e);
        }
    }

    /** The private key with this canonical ID, if this directory holds it. */
    public Optional<TufPrivateKey> find(String canonicalId) {
        if (!canonicalId.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = privateDir.resolve(canonicalId + ".key");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_KEY_FILE) {
                throw new PublishException("key file " + file + " is too large");
            }
            ParsedPem parsed = parsePem(Files.readString(file, StandardCharsets.US_ASCII));
            String role = parsed.headers().getOrDefault("role", "");
            byte[] pkcs8 = parsed.type().equals("PRIVATE KEY") ? parsed.der() : decrypt(parsed.der(), passphrase(role));
            return Optional.of(TufPrivateKey.fromPkcs8(pkcs8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + file, e);
        }
    }

    private char[] passphrase(String role) {
        return passphrases.apply(role).orElseThrow(() -> new PublishException(
                "no passphrase for the " + role + " key: set " + passphraseVariable(role)));
    }

    /** notary's PBES2 EncryptedPrivateKeyInfo, built by hand: the JDK cannot encode PBES2 parameters. */
    private static byte[] encrypt(byte[] pkcs8, char[] passphrase) {
        byte[] salt = new byte[8];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                    .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256)).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            AlgorithmIdentifier kdf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBKDF2,
                    new DERSequence(new ASN1Encodable[] {new DEROctetString(salt), new ASN1Integer(ITERATIONS)}));
            AlgorithmIdentifier scheme = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv));
            AlgorithmIdentifier pbes2 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2,
                    new DERSequence(new ASN1Encodable[] {kdf, scheme}));
            return new DERSequence(new ASN1Encodable[] {pbes2, new DEROctetString(cipher.doFinal(pkcs8))})
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encrypt private key", e);
        }
    }

    private static byte[] decrypt(byte[] encrypted, char[] passphrase) {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(encrypted);
            String algorithm = info.getAlgParameters().toString();
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE,
                    SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase)),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new PublishException("cannot decrypt private key (wrong passphrase?)", e);
        }
    }

    record ParsedPem(String type, Map<String, String> headers, byte[] der) {
    }

    static String pem(String type, Map<String, String> headers, byte[] der) {
        StringBuilder out = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
        headers.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        if (!headers.isEmpty()) {
            out.append('\n');
        }
        String base64 = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return out.append("-----END ").append(type).append("-----\n").toString();
    }

    /** The first PEM block of {@code text}, headers included. */
    static ParsedPem parsePem(String text) {
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            throw new PublishException("no PEM block found");
        }
        int typeEnd = text.indexOf("-----", begin + 11);
        int end = typeEnd < 0 ? -1 : text.indexOf("-----END ", typeEnd);
        if (end < 0) {
            throw new PublishException("unterminated PEM block");
        }
        String type = text.substring(begin + 11, typeEnd);
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base64 = new StringBuilder();
        for (String line : text.substring(typeEnd + 5, end).split("\n")) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(':');
            if (colon > 0) {
                headers.put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
            } else {
                base64.append(trimmed);
            }
        }
        try {
            return new ParsedPem(type, headers, Base64.getDecoder().decode(base64.toString()));
        } catch (IllegalArgumentException e) {
            throw new PublishException("PEM block is not valid base64", e);
        }
    }
}
