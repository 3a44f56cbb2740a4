package dev.notary4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.testkit.PostgresDatabases.GoSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresDatabasesTest {

    @Test
    void createsAUniqueEmptyDatabaseAndDropsItOnClose() throws SQLException {
        String name;
        try (TestDatabase first = PostgresDatabases.create("testkit self-test");
                TestDatabase second = PostgresDatabases.create("testkit self-test")) {
            name = first.name();
            assertThat(first.name()).startsWith("n4j_testkit_self_test_").isNotEqualTo(second.name());
            assertThat(first.goUrl()).isEqualTo("postgres://postgres@127.0.0.1:5432/" + name + "?sslmode=disable");
            assertThat(databaseExists(name)).isTrue();
            try (Connection connection = first.connect()) {
                assertThat(tables(connection)).isEmpty();
            }
        }
        assertThat(databaseExists(name)).isFalse();
    }

    @Test
    void goServerSchemaHasNotarysTablesAndTheGolangMigrateVersion() throws SQLException {
        try (TestDatabase db = PostgresDatabases.createWithGoSchema("testkit-server", GoSchema.SERVER);
                Connection connection = db.connect()) {
            assertThat(tables(connection))
                    .containsExactlyInAnyOrder("tuf_files", "change_category", "changefeed", "schema_migrations");
            assertThat(schemaMigrations(connection)).containsExactly("2 false");
        }
    }

    @Test
    void goSignerSchemaHasThePrivateKeysTable() throws SQLException {
        try (TestDatabase db = PostgresDatabases.createWithGoSchema("testkit-signer", GoSchema.SIGNER);
                Connection connection = db.connect()) {
            assertThat(tables(connection)).containsExactlyInAnyOrder("private_keys", "schema_migrations");
            assertThat(schemaMigrations(connection)).containsExactly("1 false");
        }
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return query(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }

    private static List<String> schemaMigrations(Connection connection) throws SQLException {
        return query(connection, "SELECT version || ' ' || dirty FROM schema_migrations");
    }

    private static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
