package dev.notary4j.tuf.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashesTest {
    private static final byte[] DATA = "hello\n".getBytes();

    @Test
    void knownDigests() {
        assertThat(HexFormat.of().formatHex(Hashes.sha256(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hashes.sha512(new byte[0])).hasSize(64);
    }

    @Test
    void goSnapshotHashesMatchGoTargetsFile() {
        // snapshot.json written by the Go CLI lists targets.json by sha256 and sha512.
        JsonNode meta = Vectors.json("go-publish/snapshot.json").get("signed").get("meta").get("targets");
        Map<String, byte[]> hashes = new HashMap<>();
        meta.get("hashes").fields().forEachRemaining(e -> hashes.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        assertThat(hashes).containsOnlyKeys("sha256", "sha512");
        assertThatCode(() -> Hashes.check(hashes, Vectors.bytes("go-publish/targets.json"))).doesNotThrowAnyException();
    }

    @Test
    void everyRecognisedAlgorithmMustMatch() {
        Map<String, byte[]> hashes = new HashMap<>();
        hashes.put("sha256", Hashes.sha256(DATA));
        byte[] wrong = Hashes.sha512(DATA);
        wrong[0] ^= 1;
        hashes.put("sha512", wrong);
        assertThatThrownBy(() -> Hashes.check(hashes, DATA)).isInstanceOfSatisfying(HashMismatchException.class, e -> {
            assertThat(e.algorithm()).isEqualTo("sha512");
            assertThat(e.expected()).isEqualTo(wrong);
            assertThat(e.actual()).isEqualTo(Hashes.sha512(DATA));
            assertThat(e.getMessage()).contains(HexFormat.of().formatHex(wrong));
        });
        hashes.put("sha512", Hashes.sha512(DATA));
        hashes.put("md5", new byte[] {1});
        assertThatCode(() -> Hashes.check(hashes, DATA)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Hashes.check(Map.of("sha256", new byte[0]), DATA))
                .isInstanceOf(HashMismatchException.class);
    }

    @Test
    void noRecognisedAlgorithmFails() {
        assertThatThrownBy(() -> Hashes.check(Map.of("md5", new byte[16]), DATA)).isInstanceOf(NoSupportedHashException.class);
        assertThatThrownBy(() -> Hashes.check(Map.of(), DATA)).isInstanceOf(NoSupportedHashException.class);
        Map<String, byte[]> nullValue = new HashMap<>();
        nullValue.put("sha256", null);
        assertThatThrownBy(() -> Hashes.check(nullValue, DATA)).isInstanceOf(HashMismatchException.class);
    }

    @Test
    void structureCheckWantsDigestLengths() throws Exception {
        Hashes.checkStructure(Map.of("sha256", new byte[32], "sha512", new byte[64], "x", new byte[1]));
        assertThatThrownBy(() -> Hashes.checkStructure(Map.of("sha256", new byte[31])))
                .isInstanceOfSatisfying(InvalidHashLengthException.class, e -> {
                    assertThat(e.algorithm()).isEqualTo("sha256");
                    assertThat(e.length()).isEqualTo(31);
                });
        assertThatThrownBy(() -> Hashes.checkStructure(Map.of("sha1", new byte[20])))
                .isInstanceOf(NoSupportedHashException.class);
    }
}
