package dev.notary4j.tuf.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The worked examples of tuf-client.md §2.2 that apply to JSON trees, plus the number modes. */
class CanonicalJsonTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static String canonical(String json) {
        return new String(CanonicalJson.encodeAsGoMap(TufJson.parse(json.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8);
    }

    @Test
    void example1KeysSortedByUtf8Bytes() {
        assertThat(canonical("{\"b\":1,\"a\":2,\"B\":3,\"_type\":\"x\",\"aa\":1,\"é\":1,\"Z\":0}"))
                .isEqualTo("{\"B\":3,\"Z\":0,\"_type\":\"x\",\"a\":2,\"aa\":1,\"b\":1,\"é\":1}");
    }

    @Test
    void example2OnlyQuoteAndBackslashEscaped() {
        ObjectNode node = F.objectNode().put("s", "a\"b\\c/d<e>f&g\n\th\u0001\u2028éÿ");
        byte[] expected = concat("{\"s\":\"a\\\"b\\\\c/d<e>f&g".getBytes(StandardCharsets.UTF_8),
                new byte[] {0x0A, 0x09, 'h', 0x01, (byte) 0xE2, (byte) 0x80, (byte) 0xA8},
                "éÿ\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalJson.encode(node, CanonicalJson.NumberMode.EXACT_INTEGERS)).isEqualTo(expected);
        assertThat(new String(GoJson.string("a\"b\\c/d<e>f&g\n\th\u0001\u2028éÿ"), StandardCharsets.UTF_8))
                .isEqualTo("\"a\\\"b\\\\c/d\\u003ce\\u003ef\\u0026g\\n\\th\\u0001\\u2028éÿ\"");
    }

    @Test
    void example3InvalidUtf8ArrivesAsReplacementCharacter() {
        // A Java string cannot carry invalid UTF-8; from a document it decodes to U+FFFD, as in Go.
        byte[] doc = {'{', '"', 's', '"', ':', '"', 'a', (byte) 0xFF, 'b', '"', '}'};
        assertThat(CanonicalJson.encodeAsGoMap(TufJson.parse(doc)))
                .isEqualTo("{\"s\":\"a\uFFFDb\"}".getBytes(StandardCharsets.UTF_8));
        // Go's writer escapes only invalid bytes as \ufffd; a decoded U+FFFD is valid UTF-8 and stays raw.
        assertThat(new String(GoJson.string("a\uD800b"), StandardCharsets.UTF_8)).isEqualTo("\"a\uFFFDb\"");
    }

    @Test
    void example4FloatsInGoMapMode() {
        assertThat(canonical("{\"n\":3.0}")).isEqualTo("{\"n\":3}");
        assertThatThrownBy(() -> canonical("{\"n\":3.5}"))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NON_INTEGRAL_NUMBER);
                    assertThat(e.getMessage()).isEqualTo("json: unsupported value: 3.5");
                });
        assertThat(canonical("{\"n\":1e21}")).isEqualTo("{\"n\":-9223372036854775808}");
        assertThat(canonical("{\"n\":9007199254740993}")).isEqualTo("{\"n\":9007199254740992}");
        assertThat(canonical("{\"n\":-0.0}")).isEqualTo("{\"n\":0}");
        assertThat(canonical("{\"n\":-0}")).isEqualTo("{\"n\":0}");
        assertThatThrownBy(() -> canonical("{\"n\":1e400}"))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NON_FINITE_NUMBER));
    }

    @Test
    void example6KeyObjectAndItsId() throws Exception {
        ObjectNode key = F.objectNode().put("keytype", "ed25519");
        key.putObject("keyval").putNull("private").put("public", GoBase64.encode(new byte[] {1, 2, 3}));
        byte[] bytes = CanonicalJson.encode(key, CanonicalJson.NumberMode.EXACT_INTEGERS);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"ed25519\",\"keyval\":{\"private\":null,\"public\":\"AQID\"}}");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo("8c4aff556cfe9b855c92374811d199deaff58e1226f070f1b7e1f31cab8a239b");
    }

    @Test
    void example12NestedMapsSortedAndNotHtmlEscaped() {
        assertThat(canonical("{\"x\":[{\"b\":1,\"a\":\"<&>\"}]}")).isEqualTo("{\"x\":[{\"a\":\"<&>\",\"b\":1}]}");
    }

    @Test
    void exactModeWritesInt64ExactlyAndRefusesOtherNumbers() {
        ObjectNode node = F.objectNode().put("n", 9007199254740993L).put("m", Long.MIN_VALUE);
        assertThat(new String(CanonicalJson.encode(node, CanonicalJson.NumberMode.EXACT_INTEGERS),
                StandardCharsets.UTF_8)).isEqualTo("{\"m\":-9223372036854775808,\"n\":9007199254740993}");
        assertThatThrownBy(() -> CanonicalJson.encode(F.objectNode().put("n", 1.0),
                CanonicalJson.NumberMode.EXACT_INTEGERS))
                .isInstanceOfSatisfying(CanonicalJsonException.class,
                        e -> assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_AN_INT64));
        assertThatThrownBy(() -> CanonicalJson.encode(F.objectNode().put("n", new BigInteger("9223372036854775808")),
                CanonicalJson.NumberMode.EXACT_INTEGERS)).isInstanceOf(CanonicalJsonException.class);
    }

    @Test
    void goInt64FollowsAmd64Conversion() {
        assertThat(CanonicalJson.goInt64(0x1p63)).isEqualTo(Long.MIN_VALUE);
        assertThat(CanonicalJson.goInt64(-0x1p63)).isEqualTo(Long.MIN_VALUE);
        assertThat(CanonicalJson.goInt64(-0x1p64)).isEqualTo(Long.MIN_VALUE);
        assertThat(CanonicalJson.goInt64(0x1p62)).isEqualTo(1L << 62);
        assertThat(CanonicalJson.goInt64(-12.0)).isEqualTo(-12L);
    }

    @Test
    void loneSurrogatesInOwnTreesBecomeReplacementCharacters() {
        JsonNode node = F.objectNode().put("k\uDC00", "v\uD800");
        assertThat(CanonicalJson.encode(node, CanonicalJson.NumberMode.EXACT_INTEGERS))
                .isEqualTo("{\"k\uFFFD\":\"v\uFFFD\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verifierBytesNeedAnObject() {
        assertThatThrownBy(() -> CanonicalJson.verifierBytes(F.arrayNode()))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.NOT_AN_OBJECT);
                    assertThat(e.getMessage()).isEqualTo(
                            "json: cannot unmarshal array into Go value of type map[string]interface {}");
                });
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
