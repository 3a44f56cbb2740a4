package dev.notary4j.tuf.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {

    @Test
    void goRootCertificatePemIsReproducedByteForByte() {
        byte[] goPem = Vectors.key(Vectors.json("go-publish/root.json").get("signed").get("keys")
                .get("766b0a3196ebbef75e2b9e50d63e1b26aaedf656155aa7dce23c7cf5040a0736")).publicBytes();
        List<Pem.Block> blocks = Pem.decodeAll(goPem);
        assertThat(blocks).hasSize(1);
        assertThat(Pem.encode("CERTIFICATE", blocks.get(0).bytes()).getBytes(StandardCharsets.US_ASCII)).isEqualTo(goPem);
        assertThat(new String(goPem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----\nMIIB")
                .endsWith("\n-----END CERTIFICATE-----\n");
    }

    @Test
    void encodeWraps64ColumnsLikeGo() {
        String pem = Pem.encode("X", new byte[96]);
        assertThat(pem).isEqualTo("-----BEGIN X-----\n" + "A".repeat(64) + "\n" + "A".repeat(64) + "\n-----END X-----\n");
        assertThat(Pem.encode("X", new byte[0])).isEqualTo("-----BEGIN X-----\n-----END X-----\n");
    }

    @Test
    void decodeFollowsGoSkippingRules() {
        String text = "preamble\n"
                + "-----BEGIN BROKEN-----\nAAA\n-----END BROKEN-----\n" // unpadded base64: skipped
                + "-----BEGIN A-----\r\nAQID\r\n-----END A-----\r\n"
                + "-----BEGIN B-----\nk: v\n\nBAU=\n-----END B-----\n"
                + "-----BEGIN C-----\nBgc=\n-----END D-----\n" // mismatched END: skipped
                + "-----BEGIN E-----\nCA==\n-----END E-----";
        List<Pem.Block> blocks = Pem.decodeAll(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(blocks).extracting(Pem.Block::type).containsExactly("A", "B", "E");
        assertThat(blocks.get(0).bytes()).containsExactly(1, 2, 3);
        assertThat(blocks.get(0).hasHeaders()).isFalse();
        assertThat(blocks.get(1).hasHeaders()).isTrue();
        assertThat(blocks.get(1).bytes()).containsExactly(4, 5);
        assertThat(blocks.get(2).bytes()).containsExactly(8);
        assertThat(Pem.decodeFirst("no pem here".getBytes())).isEmpty();
    }
}
