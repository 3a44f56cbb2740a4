package dev.notary4j.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotaryConfigTest {

    private static final byte[] CONFIG = """
            {"server": {"http_addr": ":4443", "tls_cert_file": "certs/server.crt"},
             "storage": {"backend": "postgres", "db_url": "postgres://a@b/c"},
             "caching": {"max_age": {"current_metadata": 60}},
             "repositories": {"gun_prefixes": ["docker.io/"]}}
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void environmentOverridesTheFileWithGoNaming() {
        NotaryConfig config = NotaryConfig.parse(CONFIG, Path.of("/etc/notary"), "NOTARY_SERVER_",
                Map.of("NOTARY_SERVER_STORAGE_DB_URL", "postgres://x@y/z"));
        assertThat(config.string("storage.db_url")).contains("postgres://x@y/z");
        assertThat(config.string("storage.backend")).contains("postgres");
        assertThat(config.environmentName("trust_service.hostname")).isEqualTo("NOTARY_SERVER_TRUST_SERVICE_HOSTNAME");
    }

    @Test
    void relativePathsResolveAgainstTheConfigDirectory() {
        NotaryConfig config = NotaryConfig.parse(CONFIG, Path.of("/etc/notary"), "NOTARY_SERVER_", Map.of());
        assertThat(config.path("server.tls_cert_file")).contains(Path.of("/etc/notary/certs/server.crt"));
    }

    @Test
    void numbersAndNestedKeys() {
        NotaryConfig config = NotaryConfig.parse(CONFIG, null, "NOTARY_SERVER_", Map.of());
        assertThat(config.integer("caching.max_age.current_metadata")).contains(60L);
        assertThat(config.integer("caching.max_age.consistent_metadata")).isEmpty();
        assertThat(config.node("repositories.gun_prefixes").orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void badValuesNameTheKey() {
        NotaryConfig config = NotaryConfig.parse(CONFIG, null, "NOTARY_SERVER_",
                Map.of("NOTARY_SERVER_CACHING_MAX_AGE_CURRENT_METADATA", "soon"));
        assertThatThrownBy(() -> config.integer("caching.max_age.current_metadata"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("caching.max_age.current_metadata");
        assertThatThrownBy(() -> config.requiredString("trust_service.type"))
                .hasMessageContaining("trust_service.type");
        assertThatThrownBy(() -> NotaryConfig.parse("[1]".getBytes(StandardCharsets.UTF_8), null, "P_", Map.of()))
                .isInstanceOf(ConfigException.class);
    }
}
