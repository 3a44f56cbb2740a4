package dev.notary4j.signer.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On the real PostgreSQL, in a scratch database whose schema is the Go signer's own migration. */
class PrivateKeyTablePostgresTest extends PrivateKeyTableContract {

    private TestDatabase scratch;
    private Database database;

    @BeforeEach
    void open() {
        scratch = PostgresDatabases.createWithGoSchema("signer-store", PostgresDatabases.GoSchema.SIGNER);
        database = Database.open(new DatabaseSettings(StorageBackend.POSTGRES, scratch.jdbcUrl(), "signer", true, 2));
    }

    @AfterEach
    void close() {
        database.close();
        scratch.close();
    }

    @Override
    Database database() {
        return database;
    }

    @Test
    void ourMigrationCreatesTheSameTableOnAnEmptyDatabase() {
        try (TestDatabase empty = PostgresDatabases.create("signer-store-flyway");
             Database ours = Database.open(new DatabaseSettings(StorageBackend.POSTGRES, empty.jdbcUrl(), "signer", true, 2))) {
            PrivateKeyTable table = new PrivateKeyTable(ours.dsl(), TOKYO_CLOCK);
            table.insert(key("k1", "gun", "timestamp", "ecdsa"));
            assertThat(table.find("k1")).isPresent();
        }
    }
}
