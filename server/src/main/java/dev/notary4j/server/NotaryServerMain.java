package dev.notary4j.server;

import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.common.db.Database;
import dev.notary4j.common.logging.LogLevels;
import dev.notary4j.server.config.ServerSettings;
import dev.notary4j.server.config.TrustServiceSettings;
import dev.notary4j.server.http.NotaryServer;
import dev.notary4j.server.trust.LocalTrustService;
import dev.notary4j.server.trust.RemoteTrustService;
import dev.notary4j.server.trust.TrustService;
import dev.notary4j.server.validation.NotaryUpdateValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notary-server -config FILE}: the Go server's command line. */
@Command(name = "notary-server", mixinStandardHelpOptions = false,
        description = "notary-server compatible TUF metadata server")
public final class NotaryServerMain implements Callable<Integer> {

    private static final String VERSION = "notary4j server 0.1.0 (notary-server 0.7 compatible)";

    @Option(names = {"-config", "--config"}, description = "path to the JSON configuration file")
    Path config;

    @Option(names = {"-debug", "--debug"}, description = "log at debug level")
    boolean debug;

    @Option(names = {"-logf", "--logf"}, description = "log format (json or logfmt; accepted for compatibility)")
    String logFormat;

    @Option(names = {"-bootstrap", "--bootstrap"}, description = "bootstrap the store (RethinkDB only in Go)")
    boolean bootstrap;

    @Option(names = {"-version", "--version"}, description = "print the version and exit")
    boolean version;

    public static void main(String[] args) {
        System.exit(new CommandLine(new NotaryServerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (version) {
            System.out.println(VERSION);
            return 0;
        }
        if (config == null) {
            System.err.println("notary-server: -config is required");
            return 2;
        }
        ServerSettings settings;
        try {
            settings = ServerSettings.from(NotaryConfig.load(config, "NOTARY_SERVER_", System.getenv()));
            LogLevels.apply(debug ? "debug" : settings.logLevel());
        } catch (ConfigException e) {
            System.err.println("notary-server: " + e.getMessage());
            return 1;
        }
        if (bootstrap) {
            System.err.println("notary-server: store does not support bootstrapping");
            return 1;
        }
        Database database;
        try {
            database = Database.open(settings.storage());
        } catch (RuntimeException e) {
            System.err.println("notary-server: cannot open the " + settings.storage().backend() + " storage: "
                    + e.getMessage());
            return 1;
        }
        boolean remote = settings.trustService().type() == TrustServiceSettings.Type.REMOTE;
        TrustService trust = remote ? RemoteTrustService.connect(settings.trustService()) : new LocalTrustService();
        NotaryServer server = NotaryServer.start(settings, database, trust, remote, new NotaryUpdateValidator(),
                Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "notary-server-shutdown"));
        stopped.await();
        return 0;
    }
}
