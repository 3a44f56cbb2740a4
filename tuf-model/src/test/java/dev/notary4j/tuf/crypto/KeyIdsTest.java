package dev.notary4j.tuf.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyIdsTest {

    @Test
    void canonicalJsonExampleSixFromSpec() {
        assertThat(KeyIds.tufKeyId("ed25519", new byte[] {1, 2, 3}))
                .isEqualTo("8c4aff556cfe9b855c92374811d199deaff58e1226f070f1b7e1f31cab8a239b");
    }

    @Test
    void ed25519VectorFromSpec() {
        byte[] publicKey = Base64.getDecoder().decode("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=");
        assertThat(new TufKey("ed25519", publicKey).id())
                .isEqualTo("b9fe8d4b54e73abb584e2015aaa447047e53282f491dcc70c40d2474d3096a21");
    }

    @Test
    void signerObservedEcdsaKeyId() {
        byte[] publicKey = Base64.getDecoder().decode("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECZ1KzN0IfSfw7wqN1WM+TvkdmlD1nKFh7rrSPDhRNcYQB2sDj+n3WmWtS6PioejyOns6qyYs2NmGty2/R7ng7Q==");
        TufKey key = new TufKey(KeyAlgorithm.ECDSA, publicKey);
        assertThat(key.id()).isEqualTo("1f704df69d858a476394a07132d61d347f258656675e553add0cf0c96620be64");
        assertThat(KeyIds.canonicalKeyId(key)).isEqualTo(key.id());
    }

    @Test
    void everyKeyInGoWrittenRootsHasTheIdGoListedItUnder() {
        for (String root : new String[] {"go-publish/root.json", "go-ed25519/root.json", "notary03-fixture/root.json"}) {
            Iterator<Map.Entry<String, JsonNode>> keys = Vectors.json(root).get("signed").get("keys").fields();
            int count = 0;
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> entry = keys.next();
                assertThat(Vectors.key(entry.getValue()).id()).as(root).isEqualTo(entry.getKey());
                count++;
            }
            assertThat(count).isEqualTo(4);
        }
    }

    @Test
    void canonicalIdOfGoRootCertificateIsItsPrivateKeyFileName() {
        // go-publish: `notary key list` printed 0951dad0… for the root key whose certificate has TUF ID 766b0a31…
        TufKey rootCert = Vectors.key(Vectors.json("go-publish/root.json").get("signed").get("keys")
                .get("766b0a3196ebbef75e2b9e50d63e1b26aaedf656155aa7dce23c7cf5040a0736"));
        assertThat(rootCert.isCertificate()).isTrue();
        assertThat(KeyIds.canonicalKeyId(rootCert))
                .isEqualTo("0951dad0ffb14e864e732d39ea009c57489b8b0f18ba6e818beaf907f797d075");
        // notary 0.3 fixture: private/root_keys/f4eaf871….key for the certificate 354e203b…
        JsonNode fixtureKeys = Vectors.json("notary03-fixture/root.json").get("signed").get("keys");
        TufKey fixtureCert = null;
        for (Iterator<String> ids = fixtureKeys.fieldNames(); ids.hasNext();) {
            String id = ids.next();
            if (id.startsWith("354e203b") && id.endsWith("2866")) {
                fixtureCert = Vectors.key(fixtureKeys.get(id));
            }
        }
        assertThat(fixtureCert).isNotNull();
        assertThat(fixtureCert.canonicalId())
                .isEqualTo("f4eaf871a74aa3b3a0ff95cef2455a1e4d461639f5625418e76756fc5c948690");
    }

    @Test
    void keyTypeIsEscapedCanonically() {
        String json = "{\"keytype\":\"a\\\"b\\\\c<\",\"keyval\":{\"private\":null,\"public\":\"AQID\"}}";
        String expected = HexFormat.of().formatHex(Hashes.sha256(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(KeyIds.tufKeyId("a\"b\\c<", new byte[] {1, 2, 3})).isEqualTo(expected);
    }

    @Test
    void tufKeyEqualityIsByContentAndCopiesBytes() {
        byte[] bytes = {1, 2, 3};
        TufKey key = new TufKey("ed25519", bytes);
        bytes[0] = 9;
        assertThat(key).isEqualTo(new TufKey("ed25519", new byte[] {1, 2, 3}));
        assertThat(key).hasSameHashCodeAs(new TufKey("ed25519", new byte[] {1, 2, 3}));
        assertThat(key).isNotEqualTo(new TufKey("ecdsa", new byte[] {1, 2, 3}));
        assertThat(key.toString()).contains(key.id()).doesNotContain("AQID");
        assertThat(new TufKey("mystery", new byte[0]).algorithm()).isEmpty();
        assertThatThrownBy(() -> new TufKey("ed25519", new byte[] {1, 2, 3}, "00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalIdOfCertificateKeyWithoutCertificateFails() {
        assertThatThrownBy(() -> KeyIds.canonicalKeyId(new TufKey("ecdsa-x509", "garbage".getBytes())))
                .isInstanceOf(KeyFormatException.class);
        assertThat(KeyIds.canonicalKeyId(new TufKey("mystery", new byte[] {1}))).isEqualTo(KeyIds.tufKeyId("mystery", new byte[] {1}));
    }
}
