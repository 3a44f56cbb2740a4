package dev.notary4j.signer;

import dev.notary4j.common.db.Database;
import dev.notary4j.signer.config.SignerConfig;
import dev.notary4j.signer.grpc.SignerGrpcServer;
import dev.notary4j.signer.keys.KeyService;
import dev.notary4j.signer.keys.Passphrase;
import dev.notary4j.signer.keys.Passphrases;
import dev.notary4j.signer.store.PrivateKeyTable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A running signer: database, key service and gRPC listener, wired from a {@link SignerConfig}. Closing it stops
 * the listener, then the database pool.
 */
public final class SignerApplication implements AutoCloseable {

    /** Alias of the process-only passphrase the memory backend uses when no default alias is configured. */
    public static final String EPHEMERAL_ALIAS = "notary4j-memory";

    private final Database database;
    private final SignerGrpcServer server;

    private SignerApplication(Database database, SignerGrpcServer server) {
        this.database = database;
        this.server = server;
    }

    /** @param environment where passphrases are read ({@code NOTARY_SIGNER_<ALIAS>}) */
    public static SignerApplication start(SignerConfig config, Map<String, String> environment) {
        Database database = Database.open(config.database());
        try {
            KeyService keys = keyService(config, database, Passphrases.fromEnvironment(environment));
            SignerGrpcServer server = SignerGrpcServer.start(config.grpcAddress().socketAddress(),
                    new SignerGrpcServer.Tls(config.tlsCert(), config.tlsKey(), config.clientCa()), keys);
            return new SignerApplication(database, server);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static KeyService keyService(SignerConfig config, Database database, Passphrases passphrases) {
        String alias = config.defaultAlias().orElse(null);
        if (alias == null) {
            // memory backend without an alias: the keys live as long as the process, and so does their passphrase.
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            passphrases = passphrases.withEphemeral(new Passphrase(EPHEMERAL_ALIAS,
                    Base64.getEncoder().encodeToString(random).toCharArray()));
            alias = EPHEMERAL_ALIAS;
        }
        return new KeyService(new PrivateKeyTable(database.dsl()), passphrases, alias);
    }

    public int port() {
        return server.port();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
