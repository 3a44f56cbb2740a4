package dev.notary4j.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void libPqUrlsBecomeJdbcUrls() {
        assertThat(JdbcUrls.postgres("postgres://server:p%40ss@db.example:5432/notaryserver?sslmode=disable"))
                .isEqualTo("jdbc:postgresql://db.example:5432/notaryserver?sslmode=disable&user=server&password=p%40ss");
        assertThat(JdbcUrls.postgres("postgresql://localhost/notarysigner"))
                .isEqualTo("jdbc:postgresql://localhost/notarysigner");
    }

    @Test
    void libPqKeyValueDsns() {
        assertThat(JdbcUrls.postgres("host=127.0.0.1 port=5432 dbname=notaryserver user=postgres sslmode=disable"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/notaryserver?user=postgres&sslmode=disable");
    }

    @Test
    void jdbcUrlsPassThrough() {
        assertThat(JdbcUrls.postgres("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void h2PathsGetPostgresCompatibility() {
        assertThat(JdbcUrls.h2("/var/lib/notary/server")).isEqualTo("jdbc:h2:file:/var/lib/notary/server" + JdbcUrls.H2_COMPATIBILITY);
        assertThat(JdbcUrls.forBackend(StorageBackend.MEMORY, null)).startsWith("jdbc:h2:mem:");
    }

    @Test
    void missingUrlIsAConfigError() {
        assertThatThrownBy(() -> JdbcUrls.forBackend(StorageBackend.POSTGRES, " "))
                .isInstanceOf(ConfigException.class).hasMessageContaining("storage.db_url");
        assertThatThrownBy(() -> StorageBackend.fromConfig("rethinkdb")).hasMessageContaining("rethinkdb");
    }
}
