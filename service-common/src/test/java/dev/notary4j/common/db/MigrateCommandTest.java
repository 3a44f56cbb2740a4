package dev.notary4j.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.PostgresDatabases.GoSchema;
import dev.notary4j.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notary-migrate against the real PostgreSQL: fresh databases and databases the Go notary migrations made. */
class MigrateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void migratesAFreshServerDatabaseEvenWhenTheServiceHasMigrationsOff() throws Exception {
        try (TestDatabase db = PostgresDatabases.create("migrate_fresh")) {
            Path config = config("server.json", db.goUrl(), false);

            assertThat(run("-config", config.toString(), "server")).isEqualTo(0);

            assertThat(out.toString()).contains("server schema at version 2");
            assertThat(tables(db)).contains("tuf_files", "change_category", "changefeed", "notary_server_schema_history");
            assertThat(historyRows(db, "notary_server_schema_history")).isEqualTo(2);
        }
    }

    @Test
    void secondRunAppliesNothing() throws Exception {
        try (TestDatabase db = PostgresDatabases.create("migrate_twice")) {
            Path config = config("signer.json", db.goUrl(), true);
            assertThat(run("-config", config.toString(), "signer")).isEqualTo(0);
            assertThat(run("-config", config.toString(), "signer")).isEqualTo(0);
            assertThat(historyRows(db, "notary_signer_schema_history")).isEqualTo(1);
        }
    }

    @Test
    void serverAndSignerShareOneDatabase() throws Exception {
        try (TestDatabase db = PostgresDatabases.create("migrate_shared")) {
            assertThat(run("-config", config("server.json", db.goUrl(), true).toString(), "server")).isEqualTo(0);
            assertThat(run("-config", config("signer.json", db.goUrl(), true).toString(), "signer"))
                    .as(err.toString()).isEqualTo(0);
            assertThat(tables(db)).contains("tuf_files", "changefeed", "private_keys");
            assertThat(out.toString()).contains("server schema at version 2", "signer schema at version 1");
        }
    }

    @Test
    void goCreatedServerDatabaseIsBaselinedAndItsRowsKept() throws Exception {
        try (TestDatabase db = PostgresDatabases.createWithGoSchema("migrate_go_server", GoSchema.SERVER)) {
            execute(db, "INSERT INTO tuf_files (gun, role, version, data, sha256) "
                    + "VALUES ('example.com/app', 'root', 1, '\\x7b7d', 'abc')");
            Path config = config("server.json", db.goUrl(), true);

            assertThat(run("-config", config.toString(), "server")).isEqualTo(0);

            assertThat(out.toString()).contains("server schema at version 2");
            assertThat(count(db, "SELECT count(*) FROM tuf_files WHERE gun = 'example.com/app'")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM notary_server_schema_history WHERE type = 'BASELINE'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void goCreatedSignerDatabaseFoundThroughTheEnvironmentOverride() throws Exception {
        try (TestDatabase db = PostgresDatabases.createWithGoSchema("migrate_go_signer", GoSchema.SIGNER)) {
            Path config = config("signer.json", "postgres://nobody@127.0.0.1:1/none?sslmode=disable", true);

            int code = MigrateCommand.run(new String[] {"-config", config.toString(), "signer"},
                    Map.of("NOTARY_SIGNER_STORAGE_DB_URL", db.goUrl()), print(out), print(err));

            assertThat(code).as(err.toString()).isEqualTo(0);
            assertThat(out.toString()).contains("signer schema at version 1");
            assertThat(tables(db)).contains("private_keys", "notary_signer_schema_history");
        }
    }

    @Test
    void unreachableDatabaseFailsWithExitCodeOne() throws Exception {
        Path config = config("server.json", "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connectTimeout=2", true);
        assertThat(run("-config", config.toString(), "server")).isEqualTo(1);
        assertThat(err.toString()).startsWith("notary-migrate: cannot migrate the server database");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Path config = config("server.json", "postgres://x@y/z", true);
        assertThat(run("-config", config.toString())).isEqualTo(2);
        assertThat(run("-config", config.toString(), "registry")).isEqualTo(2);
        assertThat(run("server")).isEqualTo(2);
        assertThat(err.toString()).contains(MigrateCommand.USAGE);
    }

    @Test
    void serviceStartWithMigrationsOffLeavesAFreshDatabaseEmpty() throws Exception {
        try (TestDatabase db = PostgresDatabases.create("migrate_off")) {
            var settings = new DatabaseSettings(StorageBackend.POSTGRES, db.goUrl(), "server", false, 2);
            try (Database ignored = Database.open(settings)) {
                assertThat(tables(db)).doesNotContain("tuf_files", "notary_server_schema_history");
            }
        }
    }

    private int run(String... args) {
        return MigrateCommand.run(args, Map.of(), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private Path config(String name, String dbUrl, boolean migrate) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                {"storage": {"backend": "postgres", "db_url": "%s", "migrate": %s, "default_alias": "a"}}
                """.formatted(dbUrl, migrate));
        return file;
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static int historyRows(TestDatabase db, String table) throws SQLException {
        return count(db, "SELECT count(*) FROM " + table + " WHERE success");
    }

    private static int count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
