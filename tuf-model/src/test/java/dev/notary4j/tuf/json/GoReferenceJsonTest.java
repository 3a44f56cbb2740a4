package dev.notary4j.tuf.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.GoVectors;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our parser and encoders against outputs of notary's own Go packages (Go 1.19.8). */
class GoReferenceJsonTest {

    static Stream<Arguments> canonicalVectors() {
        return GoVectors.rows("canonical-go-map.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalVectors")
    void verifierViewMatchesGo(String name, String inputB64, String expected) {
        byte[] input = GoVectors.b64(inputB64);
        if (expected.startsWith("OK:")) {
            assertThat(CanonicalJson.verifierBytes(TufJson.parse(input)))
                    .as(name).isEqualTo(GoVectors.b64(expected.substring(3)));
        } else {
            String goError = GoVectors.unescape(expected.substring(4));
            assertThatThrownBy(() -> CanonicalJson.verifierBytes(TufJson.parse(input)))
                    .as(name).isInstanceOf(TufJsonException.class)
                    .satisfies(e -> {
                        if (e instanceof CanonicalJsonException) {
                            assertThat(e.getMessage()).isEqualTo(goError);
                        }
                    });
        }
    }

    static Stream<Arguments> timeVectors() {
        return GoVectors.rows("go-time.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeVectors")
    void timesMatchGo(String name, String tokenB64, String expected) {
        String token = new String(GoVectors.b64(tokenB64), StandardCharsets.UTF_8);
        if (expected.startsWith("OK:")) {
            List<String> parts = List.of(expected.substring(3).split("\\|"));
            OffsetDateTime parsed = GoTime.parseRawToken(token);
            assertThat('"' + GoTime.format(parsed) + '"').isEqualTo(parts.get(0));
            assertThat(GoTime.formatUnixDate(parsed)).isEqualTo(parts.get(1));
            if (parsed.getYear() > 1700 && parsed.getYear() < 2200) {
                long nanos = parsed.toEpochSecond() * 1_000_000_000L + parsed.getNano();
                assertThat(nanos).isEqualTo(Long.parseLong(parts.get(2)));
            }
        } else {
            assertThatThrownBy(() -> GoTime.parseRawToken(token))
                    .isInstanceOf(GoTimeException.class)
                    .hasMessage(GoVectors.unescape(expected.substring(4)));
        }
    }
}
