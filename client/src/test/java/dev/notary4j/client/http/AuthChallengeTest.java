package dev.notary4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void parsesQuotedParameters() {
        AuthChallenge c = AuthChallenge.parse(
                "Bearer realm=\"https://auth.example/token\",service=\"notary\",scope=\"repository:a/b:pull,push\"").orElseThrow();
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.parameter("realm")).contains("https://auth.example/token");
        assertThat(c.parameter("service")).contains("notary");
        assertThat(c.parameter("scope")).contains("repository:a/b:pull,push");
    }

    @Test
    void parsesBareValuesAndEscapes() {
        AuthChallenge c = AuthChallenge.parse("Basic realm=plain, x=\"a\\\"b\"").orElseThrow();
        assertThat(c.scheme()).isEqualTo("basic");
        assertThat(c.parameter("realm")).contains("plain");
        assertThat(c.parameter("x")).contains("a\"b");
    }

    @Test
    void decodesNotaryAuth() {
        assertThat(BasicCredentials.fromNotaryAuth("dXNlcjpwYTpzcw==")).contains(new BasicCredentials("user", "pa:ss"));
        assertThat(BasicCredentials.fromNotaryAuth("!!")).isEmpty();
        assertThat(new BasicCredentials("u", "secret").toString()).doesNotContain("secret");
    }
}
