package dev.notary4j.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the real PostgreSQL on 127.0.0.1:5432 (bin/setup-test-env starts it) and against H2. */
class DatabaseTest {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Test
    void freshPostgresDatabaseGetsEveryMigration() throws Exception {
        try (var db = new ScratchDatabase()) {
            try (Database database = Database.open(db.settings())) {
                assertThat(tables(database)).contains("things", "more_things");
                assertThat(database.dsl().fetchCount(DSL.table(DSL.name("notary_sample_schema_history")))).isEqualTo(2);
            }
        }
    }

    @Test
    void goMigratedDatabaseIsBaselinedNotRecreated() throws Exception {
        try (var db = new ScratchDatabase()) {
            db.execute("""
                    CREATE TABLE "things" ("id" serial PRIMARY KEY, "name" varchar(255) NOT NULL, "data" bytea NOT NULL);
                    INSERT INTO "things" ("name", "data") VALUES ('kept', '\\x01');
                    CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
                    INSERT INTO schema_migrations VALUES (1, false);
                    """);
            try (Database database = Database.open(db.settings())) {
                assertThat(tables(database)).contains("more_things");
                assertThat(database.dsl().fetchValue("select name from things")).isEqualTo("kept");
            }
        }
    }

    @Test
    void dirtyGoMigrationRefusesToStart() throws Exception {
        try (var db = new ScratchDatabase()) {
            db.execute("CREATE TABLE schema_migrations (version bigint NOT NULL, dirty boolean NOT NULL);"
                    + "INSERT INTO schema_migrations VALUES (1, true);");
            assertThatThrownBy(() -> Database.open(db.settings())).hasMessageContaining("dirty");
        }
    }

    @Test
    void h2FileStoreRunsTheSameMigrationsAndSurvivesReopen(@TempDir Path dir) {
        DatabaseSettings settings = new DatabaseSettings(StorageBackend.H2, dir.resolve("db").toString(), "sample", true, 2);
        try (Database database = Database.open(settings)) {
            database.dsl().execute("insert into \"things\" (\"name\", \"data\") values ('a', X'01')");
        }
        try (Database database = Database.open(settings)) {
            assertThat(database.dsl().fetchCount(DSL.table(DSL.name("things")))).isEqualTo(1);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"server", "signer"})
    void theServicesMigrationsRunOnPostgresAndH2(String schema, @TempDir Path dir) throws Exception {
        try (var db = new ScratchDatabase();
             Database postgres = Database.open(db.settings(schema));
             Database h2 = Database.open(new DatabaseSettings(StorageBackend.H2, dir.resolve(schema).toString(), schema, true, 2))) {
            var expected = schema.equals("server")
                    ? java.util.List.of("tuf_files", "change_category", "changefeed")
                    : java.util.List.of("private_keys");
            assertThat(tables(postgres)).containsAll(expected);
            assertThat(tables(h2)).containsAll(expected);
        }
    }

    private static java.util.List<String> tables(Database database) {
        return database.dsl().meta().getTables().stream().map(t -> t.getName()).toList();
    }

    /** A uniquely named PostgreSQL database, dropped on close. */
    private static final class ScratchDatabase implements AutoCloseable {
        final String name = "common_test_" + UUID.randomUUID().toString().replace("-", "");

        ScratchDatabase() throws SQLException {
            try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
        }

        DatabaseSettings settings() {
            return settings("sample");
        }

        DatabaseSettings settings(String schema) {
            return new DatabaseSettings(StorageBackend.POSTGRES,
                    "postgres://postgres@127.0.0.1:5432/" + name + "?sslmode=disable", schema, true, 2);
        }

        void execute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres");
                 Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
