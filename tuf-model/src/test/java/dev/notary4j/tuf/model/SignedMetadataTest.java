package dev.notary4j.tuf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.json.CanonicalJsonException;
import dev.notary4j.tuf.json.GoBase64;
import dev.notary4j.tuf.json.GoTime;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedMetadataTest {
    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** tuf-client.md §3.6, a vector verified in Go and the JDK. */
    @Test
    void ed25519VectorOfTheSpec() {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        byte[] pub = GoBase64.decode("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=");
        byte[] blob = new byte[96];
        System.arraycopy(pub, 0, blob, 0, 32);
        System.arraycopy(seed, 0, blob, 32, 32);
        System.arraycopy(pub, 0, blob, 64, 32);
        TufPrivateKey key = TufPrivateKey.fromPrivateBytes(KeyAlgorithm.ED25519, blob);
        assertThat(key.id()).isEqualTo("b9fe8d4b54e73abb584e2015aaa447047e53282f491dcc70c40d2474d3096a21");

        Targets body = Targets.empty(GoTime.parse("2030-01-01T00:00:00Z"), 1)
                .withTarget("v1.0", new FileMeta(528, Map.of("sha256", new byte[32]), null));
        String canonical = "{\"_type\":\"Targets\",\"delegations\":{\"keys\":{},\"roles\":[]},"
                + "\"expires\":\"2030-01-01T00:00:00Z\",\"targets\":{\"v1.0\":{\"hashes\":{\"sha256\":"
                + "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"},\"length\":528}},\"version\":1}";
        assertThat(utf8(MetadataCodec.canonical(body))).isEqualTo(canonical);

        SignedMetadata<Targets> signed = SignedMetadata.sign(body, List.of(MetadataSigner.of(key)));
        String sig = "CXOEZS7M3h8Qr97HQm18lvQAMhzJ5kGnypzXmR+VEVBVxsWdfM/Z9Urizk0rrKibYF7DGVmwitrGesXsaGdkCA==";
        assertThat(utf8(signed.raw())).isEqualTo("{\"signed\":" + canonical + ",\"signatures\":[{\"keyid\":\""
                + key.id() + "\",\"method\":\"eddsa\",\"sig\":\"" + sig + "\"}]}");
        assertThat(utf8(signed.canonicalSigned())).isEqualTo(canonical);
        assertThat(SignedMetadata.parseTargets(signed.raw(), "targets").signed()).isEqualTo(body);
    }

    /** §2.2 example 8: omitempty only on paths (and custom); nil slices are null; structs always present. */
    @Test
    void structViewOmitsOnlyEmptyPathsAndCustom() {
        Targets body = Targets.empty(GoTime.parse("2030-01-02T03:04:05.12-05:00"), 2)
                .withDelegations(new Delegations(null, List.of(new DelegatedRole("targets/a", null, List.of(), 1))))
                .withTarget("t", new FileMeta(0, Map.of(), null));
        assertThat(utf8(MetadataCodec.canonical(body))).isEqualTo("{\"_type\":\"Targets\",\"delegations\":"
                + "{\"keys\":null,\"roles\":[{\"keyids\":null,\"name\":\"targets/a\",\"threshold\":1}]},"
                + "\"expires\":\"2030-01-02T03:04:05.12-05:00\",\"targets\":{\"t\":{\"hashes\":{},\"length\":0}},"
                + "\"version\":2}");
    }

    /** §2.2 example 10 is Go's RawMessage quirk; we write custom canonically so its signature can verify. */
    @Test
    void customIsWrittenCanonicallyAndHtmlEscapedOnlyInTheFile() {
        ObjectNode custom = JsonNodeFactory.instance.objectNode().put("z", 1).put("a", "<x>");
        Targets body = Targets.empty(GoTime.parse("2030-01-01T00:00:00Z"), 1)
                .withTarget("t", new FileMeta(1, Map.of("sha256", new byte[32]), custom));
        SignedMetadata<Targets> signed = SignedMetadata.sign(body, List.of());
        assertThat(utf8(signed.canonicalSigned())).contains("\"custom\":{\"a\":\"<x>\",\"z\":1}");
        assertThat(utf8(signed.raw())).contains("\"custom\":{\"a\":\"\\u003cx\\u003e\",\"z\":1}");
        assertThat(signed.canonicalSigned()).isEqualTo(MetadataCodec.canonical(body));
    }

    /** A raw control character can be signed canonically but not written by Go's envelope encoder. */
    @Test
    void controlCharactersCannotBeWritten() {
        Targets body = Targets.empty(GoTime.parse("2030-01-01T00:00:00Z"), 1)
                .withTarget("a\nb", new FileMeta(1, Map.of("sha256", new byte[32]), null));
        assertThatThrownBy(() -> SignedMetadata.sign(body, List.of()))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.reason())
                        .isEqualTo(CanonicalJsonException.Reason.CONTROL_CHARACTER));
    }

    @Test
    void signatureBytesAsGoWritesThem() {
        // §2.2 example 5: []byte as padded base64, nil as null, empty as "".
        assertThat(GoBase64.encode(new byte[] {0, 1, 2, (byte) 0xFE, (byte) 0xFF})).isEqualTo("AAEC/v8=");
        Timestamp body = Timestamp.of(GoTime.parse("2030-01-01T00:00:00Z"), 1,
                FileMeta.of("snapshot".getBytes(StandardCharsets.UTF_8)));
        byte[] file = MetadataCodec.fileBytes(body, List.of(new Signature("k", "ECDSA", null),
                new Signature("k", "eddsa", new byte[0])));
        assertThat(utf8(file)).endsWith(",\"signatures\":[{\"keyid\":\"k\",\"method\":\"ecdsa\",\"sig\":null},"
                + "{\"keyid\":\"k\",\"method\":\"eddsa\",\"sig\":\"\"}]}");
    }

    @Test
    void recordsAreImmutable() {
        byte[] digest = new byte[32];
        FileMeta meta = new FileMeta(1, Map.of("sha256", digest), null);
        digest[0] = 9;
        assertThat(meta.hash("sha256")[0]).isZero();
        meta.hash("sha256")[0] = 7;
        assertThat(meta.hashes().get("sha256")[0]).isZero();
        SignedMetadata<Timestamp> parsed = SignedMetadata.sign(Timestamp.of(GoTime.parse("2030-01-01T00:00:00Z"),
                1, meta), List.of());
        parsed.raw()[0] = 'x';
        assertThat(parsed.raw()[0]).isEqualTo((byte) '{');
    }
}
