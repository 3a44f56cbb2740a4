package dev.notary4j.signer.cli;

import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.common.logging.LogLevels;
import dev.notary4j.signer.SignerApplication;
import dev.notary4j.signer.config.SignerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notary-signer -config FILE}: the Go command line (single-dash flags, as Go's flag package spells them;
 * double dashes work too), plus the {@code rotate-passphrase} admin command.
 */
@Command(name = "notary-signer", subcommands = RotatePassphraseCommand.class,
        description = "notary-signer compatible gRPC signing service")
public final class NotarySignerCommand implements Callable<Integer> {

    public static final String VERSION = "0.7.0";
    private static final Logger LOG = LoggerFactory.getLogger(NotarySignerCommand.class);

    final Map<String, String> environment;

    @Option(names = {"-config", "--config"}, paramLabel = "FILE", description = "path to the configuration file")
    Path configFile;

    @Option(names = {"-debug", "--debug"}, description = "accepted for compatibility; no debug HTTP server is started")
    boolean debug;

    @Option(names = {"-logf", "--logf"}, paramLabel = "FORMAT", description = "accepted for compatibility")
    String logFormat;

    @Option(names = {"-version", "--version"}, description = "print the version and exit")
    boolean version;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    NotarySignerCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** Go's notary-signer exits with status 1 and a one-line error; no stack trace. */
    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new NotarySignerCommand(environment))
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("notary-signer: " + e.getMessage());
                    return 1;
                });
    }

    @Override
    public Integer call() throws InterruptedException {
        if (version) {
            System.out.println("notary-signer Version: " + VERSION + ", Git commit: notary4j");
            return 0;
        }
        SignerConfig config = loadConfig();
        if (debug) {
            LOG.warn("-debug given: this implementation starts no debug HTTP server");
        }
        SignerApplication application = SignerApplication.start(config, environment);
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "notary-signer-shutdown"));
        LOG.info("notary-signer listening on {}:{}", config.grpcAddress().host(), application.port());
        application.awaitTermination();
        return 0;
    }

    SignerConfig loadConfig() {
        if (configFile == null) {
            throw new ConfigException("-config FILE is required");
        }
        SignerConfig config = SignerConfig.from(NotaryConfig.load(configFile, SignerConfig.ENV_PREFIX, environment));
        LogLevels.apply(config.logLevel());
        return config;
    }
}
