package dev.notary4j.client.cli;

import dev.notary4j.client.NotaryClient;
import dev.notary4j.client.TrustedRepository;
import dev.notary4j.client.http.BasicCredentials;
import dev.notary4j.client.targets.FoundTarget;
import dev.notary4j.client.targets.TargetPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary-client}: the read commands of notary's CLI (write commands in {@link WriteCommands}) with its global flags and its exact output. Errors
 * print {@code \n* fatal: <message>\n} on stdout and exit 1, as notary does.
 */
@Command(name = "notary-client", mixinStandardHelpOptions = true, version = "notary4j client 0.1.0",
        description = "Reads and publishes notary (TUF) repositories.",
        subcommands = {NotaryClientMain.ListCommand.class, NotaryClientMain.LookupCommand.class,
            NotaryClientMain.VerifyCommand.class,
            WriteCommands.Init.class, WriteCommands.Add.class, WriteCommands.AddHash.class,
            WriteCommands.Delegation.class, WriteCommands.Publish.class})
public final class NotaryClientMain {
    private static final String DEFAULT_SERVER = "https://notary-server:4443";

    @Option(names = {"-s", "--server"}, description = "Remote trust server location")
    String server;

    @Option(names = {"-d", "--trustDir"}, description = "Directory where the trust data is persisted to")
    Path trustDir;

    @Option(names = {"-c", "--configFile"}, description = "Path to the configuration file to use")
    Path configFile;

    @Option(names = "--tlscacert", description = "Trust certs signed only by this CA")
    Path tlsCaCert;

    @Option(names = {"-v", "--verbose"}, description = "Verbose output")
    boolean verbose;

    @Option(names = {"-D", "--debug"}, description = "Debug output")
    boolean debug;

    PrintStream out = System.out;
    PrintStream err = System.err;
    Map<String, String> environment = System.getenv();

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs the CLI with {@code environment} standing in for the process environment (NOTARY_AUTH, passphrases). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        NotaryClientMain main = new NotaryClientMain();
        main.environment = Map.copyOf(environment);
        main.out = out;
        main.err = err;
        Optional<Callable<Integer>> readCommand = ReadCommandArgs.parse(args, main);
        if (readCommand.isEmpty()) {
            return WithPicocli.execute(main, args);
        }
        try {
            return readCommand.get().call();
        } catch (Exception e) {
            return main.fatal(e);
        }
    }

    /** What notary prints for a failed command; exit code 1. */
    private int fatal(Exception e) {
        out.print("\n* fatal: " + e.getMessage() + "\n");
        out.flush();
        return 1;
    }

    /** Every command line but {@link ReadCommandArgs}' plain ones; picocli's classes load only here. */
    private static final class WithPicocli {
        static int execute(NotaryClientMain main, String[] args) {
            CommandLine cli = new CommandLine(main);
            cli.setOut(new java.io.PrintWriter(main.out, true, StandardCharsets.UTF_8));
            cli.setErr(new java.io.PrintWriter(main.err, true, StandardCharsets.UTF_8));
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> main.fatal(e));
            return cli.execute(args);
        }
    }

    private ClientConfig config() throws IOException {
        Path configPath = configFile != null ? configFile : home().resolve("config.json");
        return configFile != null || Files.isRegularFile(configPath) ? ClientConfig.load(configPath) : ClientConfig.EMPTY;
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"), ".notary");
    }

    Path trustDirectory() throws IOException {
        return trustDir != null ? trustDir : config().trustDir().orElse(home());
    }

    URI serverUri() throws IOException {
        return URI.create(server != null ? server : config().serverUrl().orElse(DEFAULT_SERVER));
    }

    NotaryClient client() throws IOException {
        ClientConfig config = config();
        Path dir = trustDirectory();
        Optional<Path> ca = tlsCaCert != null ? Optional.of(tlsCaCert) : config.rootCa();
        return NotaryClient.builder(serverUri(), dir)
                .caFile(ca)
                .pinning(config.pinning())
                .credentials(BasicCredentials.fromNotaryAuth(environment.get("NOTARY_AUTH")))
                .warnings(this::warn)
                .build();
    }

    /** notary logs warnings to stderr in logrus' text format. */
    private void warn(String message) {
        String time = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        err.println("time=\"" + time + "\" level=warning msg=\"" + message.replace("\"", "\\\"") + "\"");
    }

    @Command(name = "list", description = "Lists targets for a remote trusted collection.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to list targets for (will shadow targets role)")
        List<String> roles = List.of();

        @Override
        public Integer call() throws IOException {
            TrustedRepository repo = main.client().update(gun);
            main.out.print(TargetOutput.list(repo.list(roles)));
            main.out.flush();
            return 0;
        }
    }

    @Command(name = "lookup", description = "Looks up a specific target in a remote trusted collection.")
    static final class LookupCommand implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Option(names = "--require-role", description = "Accept the target only if this role signs it (repeatable)")
        Set<String> requiredRoles = Set.of();

        @Option(names = "--agreeing-roles", description = "Accept the target only if this many roles sign the same content")
        int agreeingRoles = 1;

        @Override
        public Integer call() throws IOException {
            TrustedRepository repo = main.client().update(gun);
            if (requiredRoles.isEmpty() && agreeingRoles == 1) {
                main.out.print(TargetOutput.lookup(repo.lookup(target)));
            } else {
                main.out.print(TargetOutput.lookup(repo.lookup(target, new TargetPolicy(requiredRoles, agreeingRoles)).target()));
            }
            main.out.flush();
            return 0;
        }
    }

    @Command(name = "verify", description = "Checks that a tag, or a sha256:<digest>, is a signed target; prints it as lookup does.")
    static final class VerifyCommand implements Callable<Integer> {
        private static final String DIGEST_PREFIX = "sha256:";

        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "TAG|sha256:DIGEST")
        String target;

        @Override
        public Integer call() throws IOException {
            TrustedRepository repo = main.client().update(gun);
            if (!target.startsWith(DIGEST_PREFIX)) {
                main.out.print(TargetOutput.lookup(repo.lookup(target)));
            } else {
                String digest = target.substring(DIGEST_PREFIX.length());
                List<FoundTarget> signed = repo.list(List.of()).stream()
                        .filter(t -> t.sha256Hex().filter(digest::equalsIgnoreCase).isPresent()).toList();
                if (signed.isEmpty()) {
                    throw new IllegalStateException("no signed target of " + gun + " has sha256 " + digest);
                }
                signed.forEach(t -> main.out.print(TargetOutput.lookup(t)));
            }
            main.out.flush();
            return 0;
        }
    }
}
