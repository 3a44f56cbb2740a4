package dev.notary4j.server.storage;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store on the real PostgreSQL, in a scratch database (our migrations) dropped afterwards. */
class PostgresMetaStoreTest extends MetaStoreContract {

    private static TestDatabase scratch;
    private static Database database;

    @BeforeAll
    static void open() {
        scratch = PostgresDatabases.create("server-metastore");
        database = Database.open(new DatabaseSettings(StorageBackend.POSTGRES, scratch.goUrl(), "server", true, 24));
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    @Override
    protected Database database() {
        return database;
    }
}
