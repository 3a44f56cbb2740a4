package dev.notary4j.wrapper.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyTest {
    @Test
    void jsonIsWrittenAsGosEncoderWritesIt() {
        Reply reply = Reply.json(200, "{\"Name\":\"a<b>&c\u2028\"}", "allowed");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"Name\":\"a\\u003cb\\u003e\\u0026c\\u2028\"}\n");
        assertThat(new String(Reply.json(200, "[]", "x").body(), StandardCharsets.UTF_8)).isEqualTo("[]\n");
    }
}
