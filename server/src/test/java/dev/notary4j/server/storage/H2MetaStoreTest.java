package dev.notary4j.server.storage;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store on in-process H2 (storage.backend memory): the same SQL as on PostgreSQL. */
class H2MetaStoreTest extends MetaStoreContract {

    private static Database database;

    @BeforeAll
    static void open() {
        database = Database.open(new DatabaseSettings(StorageBackend.MEMORY, null, "server", true, 24));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected Database database() {
        return database;
    }
}
