package dev.notary4j.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

    private static final Passphrase PASSPHRASE = new Passphrase("alias1", "correct horse".toCharArray());

    @Test
    void decryptsRowsTheGoSignerWrote() {
        GoRow ecdsa = GoRow.ecdsa();
        byte[] sec1 = KeyEncryption.decrypt(ecdsa.privateJwe(), ecdsa.passphraseObject());
        // SEC 1 ECPrivateKey for P-256: SEQUENCE(0x77), INTEGER 1, OCTET STRING(32) ...
        assertThat(sec1).hasSize(121);
        assertThat(Arrays.copyOf(sec1, 7)).containsExactly(0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20);
        // ... and the [1] public key is the uncompressed point that ends the row's SubjectPublicKeyInfo.
        byte[] point = Arrays.copyOfRange(ecdsa.publicBytes(), ecdsa.publicBytes().length - 65, ecdsa.publicBytes().length);
        assertThat(Arrays.copyOfRange(sec1, 121 - 65, 121)).isEqualTo(point);

        GoRow ed25519 = GoRow.ed25519();
        byte[] raw = KeyEncryption.decrypt(ed25519.privateJwe(), ed25519.passphraseObject());
        // notary's ed25519 private bytes: public(32) || seed(32) || public(32)
        assertThat(raw).hasSize(96);
        assertThat(Arrays.copyOfRange(raw, 0, 32)).isEqualTo(ed25519.publicBytes());
        assertThat(Arrays.copyOfRange(raw, 64, 96)).isEqualTo(ed25519.publicBytes());
    }

    @Test
    void writesTheGoHeaderParameters() throws Exception {
        String jwe = KeyEncryption.encrypt(new byte[] {1, 2, 3}, PASSPHRASE);
        String[] segments = jwe.split("\\.", -1);
        assertThat(segments).hasSize(5);
        assertThat(jwe).doesNotContain("=");
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(segments[0]));
        assertThat(header.get("alg").asText()).isEqualTo("PBES2-HS256+A128KW");
        assertThat(header.get("enc").asText()).isEqualTo("A256GCM");
        assertThat(header.get("p2c").isInt()).isTrue();
        assertThat(header.get("p2c").asInt()).isEqualTo(8192);
        assertThat(Base64.getUrlDecoder().decode(header.get("p2s").asText())).hasSize(12);
        assertThat(header.size()).isEqualTo(4);
        assertThat(Base64.getUrlDecoder().decode(segments[1])).hasSize(40); // AES-KW of a 32-byte CEK
        assertThat(Base64.getUrlDecoder().decode(segments[2])).hasSize(12); // GCM IV
        assertThat(Base64.getUrlDecoder().decode(segments[4])).hasSize(16); // GCM tag
    }

    @Test
    void roundTripsAndUsesFreshSalts() {
        byte[] secret = "private key bytes".getBytes(StandardCharsets.US_ASCII);
        String first = KeyEncryption.encrypt(secret, PASSPHRASE);
        String second = KeyEncryption.encrypt(secret, PASSPHRASE);
        assertThat(first).isNotEqualTo(second);
        assertThat(KeyEncryption.decrypt(first, PASSPHRASE)).isEqualTo(secret);
        assertThat(KeyEncryption.decrypt(second, PASSPHRASE)).isEqualTo(secret);
    }

    @Test
    void wrongPassphraseFailsNamingTheAliasOnly() {
        GoRow row = GoRow.ecdsa();
        Passphrase wrong = new Passphrase(row.alias(), "not the passphrase".toCharArray());
        assertThatThrownBy(() -> KeyEncryption.decrypt(row.privateJwe(), wrong))
                .isInstanceOfSatisfying(KeyDecryptionException.class, e -> assertThat(e.alias()).isEqualTo(row.alias()))
                .hasMessageNotContaining("not the passphrase")
                .hasMessageNotContaining(row.privateJwe().substring(0, 20));
    }

    @Test
    void headerIsAuthenticatedAsStored() {
        // Same JSON, different bytes (whitespace): a decoder that re-serialized the header would still accept it.
        String jwe = GoRow.ecdsa().privateJwe();
        String header = new String(Base64.getUrlDecoder().decode(jwe.substring(0, jwe.indexOf('.'))), StandardCharsets.UTF_8);
        String respaced = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(header.replace(",", ", ").getBytes(StandardCharsets.UTF_8));
        String tampered = respaced + jwe.substring(jwe.indexOf('.'));
        assertThatThrownBy(() -> KeyEncryption.decrypt(tampered, GoRow.ecdsa().passphraseObject()))
                .isInstanceOf(KeyDecryptionException.class);
    }

    @Test
    void acceptsIterationCountsAboveJjwtsCap() {
        // jjwt alone refuses p2c above 775,000 when decrypting; Go reads any count.
        String jwe = Jwts.builder().header().pbes2Count(1_000_000).and()
                .content(new byte[] {42})
                .encryptWith(Keys.password("correct horse".toCharArray()), Jwts.KEY.PBES2_HS256_A128KW, Jwts.ENC.A256GCM)
                .compact();
        assertThat(KeyEncryption.decrypt(jwe, PASSPHRASE)).containsExactly(42);
    }

    @Test
    void garbageIsADecryptionFailure() {
        assertThatThrownBy(() -> KeyEncryption.decrypt("not.a.jwe.at.all", PASSPHRASE))
                .isInstanceOf(KeyDecryptionException.class);
        assertThatThrownBy(() -> KeyEncryption.decrypt("", PASSPHRASE)).isInstanceOf(KeyDecryptionException.class);
    }
}
