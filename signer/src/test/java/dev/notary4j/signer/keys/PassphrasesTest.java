package dev.notary4j.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PassphrasesTest {

    @Test
    void environmentNamesFollowGo() {
        assertThat(Passphrases.environmentName("passwordalias1")).isEqualTo("NOTARY_SIGNER_PASSWORDALIAS1");
        assertThat(Passphrases.environmentName("alias.two")).isEqualTo("NOTARY_SIGNER_ALIAS_TWO");
        assertThat(Passphrases.environmentName("my-alias")).isEqualTo("NOTARY_SIGNER_MY-ALIAS");
    }

    @Test
    void readsTheAliasVariable() {
        Passphrases passphrases = Passphrases.fromEnvironment(Map.of("NOTARY_SIGNER_ALIAS_TWO", "s3cret"));
        assertThat(passphrases.forAlias("alias.two")).isEqualTo(new Passphrase("alias.two", "s3cret".toCharArray()));
    }

    @Test
    void missingOrEmptyPassphraseNamesTheAliasNeverTheValue() {
        Passphrases passphrases = Passphrases.fromEnvironment(Map.of("NOTARY_SIGNER_EMPTY", "", "NOTARY_SIGNER_OTHER", "s3cret"));
        assertThatThrownBy(() -> passphrases.forAlias("absent"))
                .isInstanceOfSatisfying(MissingPassphraseException.class, e -> assertThat(e.alias()).isEqualTo("absent"))
                .hasMessage("expected env variable to not be empty: absent");
        assertThatThrownBy(() -> passphrases.forAlias("empty")).isInstanceOf(MissingPassphraseException.class);
        assertThat(passphrases.forAlias("other").toString()).doesNotContain("s3cret");
    }

    @Test
    void ephemeralPassphrasesShadowNothingElse() {
        Passphrases passphrases = Passphrases.fromEnvironment(Map.of("NOTARY_SIGNER_A", "x"))
                .withEphemeral(new Passphrase("mem", "y".toCharArray()));
        assertThat(passphrases.forAlias("mem").alias()).isEqualTo("mem");
        assertThat(passphrases.forAlias("a")).isEqualTo(new Passphrase("a", "x".toCharArray()));
    }
}
