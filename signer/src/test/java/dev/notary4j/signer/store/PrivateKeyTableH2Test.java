package dev.notary4j.signer.store;

import dev.notary4j.common.db.Database;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The {@code memory} backend: the same migration and SQL on in-process H2. */
class PrivateKeyTableH2Test extends PrivateKeyTableContract {

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(new DatabaseSettings(StorageBackend.MEMORY, null, "signer", true, 2));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }
}
