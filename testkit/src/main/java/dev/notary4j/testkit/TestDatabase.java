package dev.notary4j.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database made by {@link PostgresDatabases}; {@link #close()} drops it, closing open sessions. */
public final class TestDatabase implements AutoCloseable {
    private final String name;
    private final String jdbcUrl;
    private final String goUrl;
    private final String user;

    TestDatabase(String name, String jdbcUrl, String goUrl, String user) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.goUrl = goUrl;
        this.user = user;
    }

    public String name() {
        return name;
    }

    /** {@code jdbc:postgresql://127.0.0.1:5432/NAME}; connect as {@link #user()} with an empty password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** {@code postgres://postgres@127.0.0.1:5432/NAME?sslmode=disable}, the form notary's configs take. */
    public String goUrl() {
        return goUrl;
    }

    public String user() {
        return user;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, "");
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(PostgresDatabases.jdbcUrl("postgres"),
                PostgresDatabases.ADMIN_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }
}
