package dev.notary4j.tuf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.GoVectors;
import dev.notary4j.tuf.json.CanonicalJsonException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parsing and re-serialising against notary 0.7.0's own {@code tuf/data} code: what Go accepts we accept and
 * re-write byte for byte, what it refuses we refuse (with its message where we reproduce it).
 */
class GoReferenceStructTest {
    /** Go fails these in ways we do not copy word for word (nil dereference, JSON syntax, base64 offsets). */
    private static final Set<String> OWN_MESSAGE = Set.of("root-signed-missing", "root-signed-null", "root-not-json",
            "root-sig-bad-char", "root-expires-escaped", "targets-delegation-null-entry", "root-null-role");

    /**
     * Go re-writes a non-integral number in {@code custom} verbatim (and no signature over it can ever verify);
     * we refuse to re-serialise it, so that we never sign what cannot be verified.
     */
    private static final Set<String> REFUSED_ON_OUTPUT = Set.of("targets-custom-non-integral");

    static Stream<Arguments> vectors() {
        return GoVectors.rows("struct-view.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void behavesAsNotary(String name, String role, String fileB64, String expected) {
        byte[] file = GoVectors.b64(fileB64);
        if (expected.startsWith("OK:")) {
            String[] parts = expected.substring(3).split("\\|", 2);
            SignedMetadata<SignedBody> parsed = SignedMetadata.parse(file, role);
            if (REFUSED_ON_OUTPUT.contains(name)) {
                assertThatThrownBy(parsed::reserialize).isInstanceOf(CanonicalJsonException.class);
                return;
            }
            assertThat(new String(parsed.reserialize(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(GoVectors.b64(parts[0]), StandardCharsets.UTF_8));
            assertThat(parsed.raw()).isEqualTo(file);
            if (parts[1].startsWith("ERR-")) {
                assertThatThrownBy(parsed::canonicalSigned).isInstanceOf(CanonicalJsonException.class)
                        .hasMessage(GoVectors.unescape(parts[1].substring(4)));
            } else {
                assertThat(parsed.canonicalSigned()).isEqualTo(GoVectors.b64(parts[1]));
            }
        } else {
            assertThatThrownBy(() -> SignedMetadata.parse(file, role))
                    .isInstanceOf(MetadataException.class)
                    .satisfies(e -> {
                        if (!OWN_MESSAGE.contains(name)) {
                            assertThat(e.getMessage()).isEqualTo(GoVectors.unescape(expected.substring(4)));
                        }
                    });
        }
    }
}
