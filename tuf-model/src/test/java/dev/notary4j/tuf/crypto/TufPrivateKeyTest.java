package dev.notary4j.tuf.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TufPrivateKeyTest {

    @Test
    void generatedEcdsaKeyHasNotarysEncodings() {
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
        assertThat(key.privateBytes()).hasSize(121).startsWith(0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20);
        assertThat(key.publicBytes()).hasSize(91);
        assertThat(Base64.getEncoder().encodeToString(key.publicBytes())).startsWith("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE");
        assertThat(TufPrivateKey.fromPrivateBytes(KeyAlgorithm.ECDSA, key.privateBytes())).isEqualTo(key);
    }

    @Test
    void generatedEd25519KeyIsPublicSeedPublic() {
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ED25519);
        byte[] blob = key.privateBytes();
        assertThat(blob).hasSize(96);
        assertThat(Arrays.copyOfRange(blob, 0, 32)).isEqualTo(key.publicBytes()).isEqualTo(Arrays.copyOfRange(blob, 64, 96));
        assertThat(TufPrivateKey.fromPrivateBytes(KeyAlgorithm.ED25519, blob)).isEqualTo(key);
        blob[70] ^= 1;
        assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes(KeyAlgorithm.ED25519, blob))
                .isInstanceOf(KeyFormatException.class);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"ECDSA", "RSA", "ED25519"})
    void pkcs8RoundTripInNotarysLayout(KeyAlgorithm algorithm) {
        TufPrivateKey key = TufPrivateKey.generate(algorithm);
        assertThat(TufPrivateKey.fromPkcs8(key.toPkcs8())).isEqualTo(key);
        assertThat(TufPrivateKey.fromPrivateBytes(algorithm, key.privateBytes())).isEqualTo(key);
    }

    @Test
    void ed25519Pkcs8UsesNotarysPrivateOid() {
        byte[] pkcs8 = TufPrivateKey.generate(KeyAlgorithm.ED25519).toPkcs8();
        // 06 09 2b 06 01 04 01 da 47 0f 01 = OID 1.3.6.1.4.1.11591.15.1
        assertThat(HexFormat.of().formatHex(pkcs8)).contains("06092b06010401da470f01");
    }

    @Test
    void malformedPrivateBytesAreTypedErrors() {
        for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.ECDSA, KeyAlgorithm.RSA, KeyAlgorithm.ED25519}) {
            for (byte[] garbage : new byte[][] {new byte[0], new byte[96], {0x30, 0x00}}) {
                assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes(algorithm, garbage))
                        .as(algorithm.wireName()).isInstanceOf(KeyFormatException.class);
            }
        }
        assertThatThrownBy(() -> TufPrivateKey.fromPkcs8(new byte[] {1, 2})).isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> new TufPrivateKey(KeyAlgorithm.ECDSA_X509, new byte[1], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        TufPrivateKey key = TufPrivateKey.generate(KeyAlgorithm.ED25519);
        String text = key.toString();
        assertThat(text).contains(key.id()).contains("ed25519");
        for (byte[] material : new byte[][] {key.privateBytes(), Arrays.copyOfRange(key.privateBytes(), 32, 64)}) {
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(material))
                    .doesNotContain(HexFormat.of().formatHex(material));
        }
        assertThat(text).doesNotContain("[B@");
    }
}
