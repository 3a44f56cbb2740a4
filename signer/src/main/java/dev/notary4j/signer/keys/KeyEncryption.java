package dev.notary4j.signer.keys;

import io.jsonwebtoken.JweHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.impl.security.DefaultDecryptionKeyRequest;
import io.jsonwebtoken.impl.security.Pbes2HsAkwAlgorithm;
import io.jsonwebtoken.security.DecryptionKeyRequest;
import io.jsonwebtoken.security.KeyRequest;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.Password;
import io.jsonwebtoken.security.SecurityException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;

/**
 * Encryption of private keys at rest, as the Go signer stores them in {@code private_keys.private}: JWE compact
 * serialization, {@code PBES2-HS256+A128KW} key wrapping with 8192 PBKDF2 iterations and a 12-byte salt, and
 * {@code A256GCM} content encryption. Decryption takes the iteration count from the header and authenticates the
 * header segment exactly as stored (jjwt uses the encoded segment as the AAD).
 */
public final class KeyEncryption {

    public static final String KEYWRAP_ALG = "PBES2-HS256+A128KW";
    public static final String ENCRYPTION_ALG = "A256GCM";
    static final int GO_ITERATIONS = 8192;
    static final int GO_SALT_BYTES = 12;

    private static final GoSaltPbes2 KEY_WRAP = new GoSaltPbes2();

    private KeyEncryption() {
    }

    /** The JWE text of {@code privateBytes} (notary's raw private key form) under {@code passphrase}. */
    public static String encrypt(byte[] privateBytes, Passphrase passphrase) {
        return Jwts.builder()
                .header().pbes2Count(GO_ITERATIONS).and()
                .content(privateBytes)
                .encryptWith(password(passphrase), KEY_WRAP, Jwts.ENC.A256GCM)
                .compact();
    }

    /** @throws KeyDecryptionException when the passphrase is wrong or the text is not such a JWE */
    public static byte[] decrypt(String jwe, Passphrase passphrase) {
        try {
            return Jwts.parser()
                    .key().add(KEY_WRAP).and()
                    .decryptWith(password(passphrase))
                    .build()
                    .parseEncryptedContent(jwe)
                    .getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            throw new KeyDecryptionException(passphrase.alias(), e.getClass().getSimpleName());
        }
    }

    /** The stored column value: the ASCII bytes of the JWE text. */
    public static byte[] columnBytes(String jwe) {
        return jwe.getBytes(StandardCharsets.US_ASCII);
    }

    public static String fromColumn(byte[] column) {
        return new String(column, StandardCharsets.US_ASCII);
    }

    private static Password password(Passphrase passphrase) {
        return Keys.password(passphrase.secret());
    }

    /**
     * PBES2-HS256+A128KW as jose2go does it: jjwt draws 32-byte salts (Go draws 12) and refuses to decrypt
     * above 775,000 iterations (Go reads any count; our rows come from our own database, not from strangers).
     */
    private static final class GoSaltPbes2 extends Pbes2HsAkwAlgorithm {
        private final SecureRandom random = new SecureRandom();

        GoSaltPbes2() {
            super(128);
        }

        @Override
        protected byte[] generateInputSalt(KeyRequest<?> request) {
            byte[] salt = new byte[GO_SALT_BYTES];
            random.nextBytes(salt);
            return salt;
        }

        @Override
        public SecretKey getDecryptionKey(DecryptionKeyRequest<Password> request) {
            JweHeader header = request.getHeader();
            byte[] salt = header.getPbes2Salt();
            Integer iterations = header.getPbes2Count();
            if (salt == null || iterations == null || iterations < 1) {
                throw new MalformedJwtException("JWE header lacks p2s or a positive p2c");
            }
            ByteArrayOutputStream rfcSalt = new ByteArrayOutputStream();
            rfcSalt.writeBytes(KEYWRAP_ALG.getBytes(StandardCharsets.UTF_8));
            rfcSalt.write(0);
            rfcSalt.writeBytes(salt);
            char[] password = request.getKey().toCharArray();
            SecretKey kek;
            try {
                kek = deriveKey(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256"), password, rfcSalt.toByteArray(), iterations);
            } catch (Exception e) {
                throw new SecurityException("PBKDF2 key derivation failed", e);
            } finally {
                Arrays.fill(password, '\0');
            }
            return Jwts.KEY.A128KW.getDecryptionKey(new DefaultDecryptionKeyRequest<>(request.getPayload(), null, null,
                    header, request.getEncryptionAlgorithm(), kek));
        }
    }
}
