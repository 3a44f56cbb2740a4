package dev.notary4j.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to the service's database and the jOOQ context on it. PostgreSQL in production, H2 for the
 * embedded store; both run the same migrations and the same queries.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteLogging(false);
        this.dsl = DSL.using(dataSource, dialect, settings);
    }

    /**
     * Opens the pool and, when {@code settings.migrate()}, applies {@code classpath:migrations/<schema>} with Flyway.
     * A database that the Go services' golang-migrate created is baselined at the version it records, so Flyway
     * never re-creates its tables.
     */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource dataSource = pool(settings);
        SQLDialect dialect = settings.backend() == StorageBackend.POSTGRES ? SQLDialect.POSTGRES : SQLDialect.H2;
        try {
            if (settings.migrate()) {
                migrate(dataSource, settings.schema());
            }
            return new Database(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Applies the migrations whatever {@code settings.migrate()} says, then closes the pool (the migrations Job).
     * Returns the schema version the database is at.
     */
    public static String migrateOnly(DatabaseSettings settings) {
        try (HikariDataSource dataSource = pool(settings)) {
            return migrate(dataSource, settings.schema());
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        String jdbcUrl = JdbcUrls.forBackend(settings.backend(), settings.dbUrl());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("notary-" + settings.schema());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setAutoCommit(true);
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Returns the schema version after migrating. */
    static String migrate(DataSource dataSource, String schema) {
        int goVersion = goMigrateVersion(dataSource);
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:migrations/" + schema)
                .table("notary_" + schema + "_schema_history")
                // Always baseline a non-empty schema without our history table: at the Go version when golang-migrate
                // made it, else at 0 so every migration still runs (the other service's tables share the database).
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(goVersion))
                .baselineDescription("schema created by the Go notary migrations")
                .load();
        var result = flyway.migrate();
        var current = flyway.info().current();
        String version = current == null ? "none" : current.getVersion().getVersion();
        if (result.migrationsExecuted > 0 || goVersion > 0) {
            LOG.info("{} schema at version {} ({} migrations applied{})", schema, version,
                    result.migrationsExecuted, goVersion > 0 ? ", baselined on golang-migrate version " + goVersion : "");
        }
        return version;
    }

    /** The version golang-migrate recorded in {@code schema_migrations}, or 0 when the table is absent. */
    private static int goMigrateVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "schema_migrations", null)) {
                if (!tables.next()) {
                    return 0;
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version, dirty FROM schema_migrations")) {
                if (!rs.next()) {
                    return 0;
                }
                if (rs.getBoolean(2)) {
                    throw new IllegalStateException("golang-migrate marks this database dirty (version "
                            + rs.getLong(1) + "); repair it before starting");
                }
                return (int) rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the database schema: " + e.getMessage(), e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
