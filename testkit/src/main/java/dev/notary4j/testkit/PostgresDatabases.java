package dev.notary4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Uniquely named throwaway databases on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth),
 * optionally with the schema of an existing Go notary deployment (notary's own migrations, see {@link GoSchema}).
 *
 * <pre>{@code
 * try (TestDatabase db = PostgresDatabases.createWithGoSchema("server-store", GoSchema.SERVER)) {
 *     DriverManager.getConnection(db.jdbcUrl(), db.user(), "") ...   // or db.goUrl() for a Go peer
 * }
 * }</pre>
 */
public final class PostgresDatabases {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String ADMIN_USER = "postgres";

    /** Where the verbatim Go migrations live, relative to the directory next to the repository. */
    static final Path MIGRATIONS = Path.of("shared", "peers", "migrations-go");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME_LENGTH = 63;

    /** Which of notary's two databases to reproduce. */
    public enum GoSchema {
        /** notary-server: tuf_files, changefeed (golang-migrate version 2). */
        SERVER("server"),
        /** notary-signer: private_keys (golang-migrate version 1). */
        SIGNER("signer");

        private final String directory;

        GoSchema(String directory) {
            this.directory = directory;
        }
    }

    private PostgresDatabases() {
    }

    /** An empty database named after {@code purpose} plus a random suffix. */
    public static TestDatabase create(String purpose) {
        String name = uniqueName(purpose);
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), ADMIN_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + HOST + ":" + PORT
                    + " as " + ADMIN_USER + " (is PostgreSQL running? bin/setup-test-env starts it)", e);
        }
        return new TestDatabase(name, jdbcUrl(name), goUrl(name), ADMIN_USER);
    }

    /**
     * A database with the tables a Go deployment has: notary's migrations applied in file-name order, and the
     * {@code schema_migrations(version, dirty)} row golang-migrate leaves behind.
     */
    public static TestDatabase createWithGoSchema(String purpose, GoSchema schema) {
        List<Path> migrations = goMigrations(schema);
        TestDatabase database = create(purpose);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement statement = connection.createStatement()) {
            for (Path migration : migrations) {
                statement.execute(Files.readString(migration, StandardCharsets.UTF_8));
            }
            statement.execute("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY,"
                    + " dirty boolean NOT NULL)");
            statement.execute("INSERT INTO schema_migrations VALUES ("
                    + migrationVersion(migrations.get(migrations.size() - 1)) + ", false)");
        } catch (SQLException | IOException e) {
            database.close();
            throw new IllegalStateException("cannot apply the Go " + schema.directory + " migrations to "
                    + database.name(), e);
        }
        return database;
    }

    /** The {@code *.up.sql} files of notary's migrations for {@code schema}, in the order golang-migrate runs them. */
    static List<Path> goMigrations(GoSchema schema) {
        Path dir = findMigrationsDirectory().resolve(schema.directory).resolve("postgresql");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> migrations = files.filter(f -> f.getFileName().toString().endsWith(".up.sql")).sorted()
                    .toList();
            if (migrations.isEmpty()) {
                throw new IllegalStateException("no *.up.sql migrations in " + dir);
            }
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Walks up from the working directory to the first ancestor holding {@code shared/peers/migrations-go}. */
    static Path findMigrationsDirectory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(MIGRATIONS);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("notary's Go migrations not found: no " + MIGRATIONS
                + " in " + start + " or any parent (expected a `shared/` directory next to the repository)");
    }

    /** golang-migrate's version of a migration file: its leading number ({@code 0002_changefeed.up.sql} is 2). */
    static long migrationVersion(Path migration) {
        String name = migration.getFileName().toString();
        int underscore = name.indexOf('_');
        if (underscore <= 0) {
            throw new IllegalArgumentException("migration file name without a version prefix: " + name);
        }
        return Long.parseLong(name.substring(0, underscore));
    }

    static String uniqueName(String purpose) {
        String suffix = "_" + HexFormat.of().formatHex(randomBytes());
        String base = "n4j_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return base.substring(0, Math.min(base.length(), MAX_NAME_LENGTH - suffix.length())) + suffix;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    static String goUrl(String database) {
        return "postgres://" + ADMIN_USER + "@" + HOST + ":" + PORT + "/" + database + "?sslmode=disable";
    }
}
