package dev.notary4j.common.db;

import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.config.NotaryConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code notary-migrate -config FILE server|signer}: applies the service's migrations to the database its config
 * file names, then exits. For a Kubernetes Job (or an operator) when the services run with
 * {@code storage.migrate: false}. Reads the same file and the same {@code NOTARY_SERVER_} / {@code NOTARY_SIGNER_}
 * environment overrides as the service, and baselines a Go-created database exactly as the service would.
 */
public final class MigrateCommand {

    static final String USAGE = "usage: notary-migrate -config FILE server|signer";

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Returns the exit code: 0 migrated, 1 config or database error, 2 usage error. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Path configFile = null;
        String schema = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("-config") || arg.equals("--config")) && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else if ((arg.equals("server") || arg.equals("signer")) && schema == null) {
                schema = arg;
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (configFile == null || schema == null) {
            err.println(USAGE);
            return 2;
        }
        String envPrefix = "NOTARY_" + schema.toUpperCase(Locale.ROOT) + "_";
        try {
            DatabaseSettings settings = DatabaseSettings.fromConfig(
                    NotaryConfig.load(configFile, envPrefix, environment), schema);
            if (settings.backend() == StorageBackend.MEMORY) {
                err.println("notary-migrate: storage.backend memory has nothing to migrate");
                return 1;
            }
            String version = Database.migrateOnly(settings);
            out.println("notary-migrate: " + schema + " schema at version " + version);
            return 0;
        } catch (ConfigException e) {
            err.println("notary-migrate: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("notary-migrate: cannot migrate the " + schema + " database: " + e.getMessage());
            return 1;
        }
    }
}
