package dev.notary4j.client.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The plain command lines of the read commands ({@code list}, {@code lookup}, {@code verify}) parsed without
 * picocli, whose start-up is ~130 ms of a fresh JVM (its Java 5 classes cannot be CDS-archived), a large part of a
 * {@code list}. Takes only: global options before the command, each at most once, as {@code -s URL},
 * {@code --server URL} or {@code --server=URL}; then the command's positional parameters and, for {@code list},
 * one {@code -r}/{@code --roles} of non-empty names. Anything else (help, other commands, attached or clustered
 * short options, values or parameters starting with {@code -} or {@code @}, option values naming a command,
 * repeats, missing or extra parameters) is left to picocli. ReadCommandArgsTest checks that picocli parses what
 * this takes the same way.
 */
final class ReadCommandArgs {
    private static final Map<String, String> GLOBAL_OPTIONS = Map.of(
            "-s", "server", "--server", "server", "-d", "trustDir", "--trustDir", "trustDir",
            "-c", "configFile", "--configFile", "configFile", "--tlscacert", "tlscacert");
    /** Every command's name: picocli will not take one as an option's value. */
    static final Set<String> COMMAND_NAMES = Set.of("list", "lookup", "verify", "init", "add", "addhash", "delegation",
            "publish");
    private static final Map<String, String> GLOBAL_FLAGS = Map.of(
            "-v", "verbose", "--verbose", "verbose", "-D", "debug", "--debug", "debug");

    private ReadCommandArgs() {
    }

    /** The command to run with {@code main}'s global options set, or empty when picocli must parse {@code args}. */
    static Optional<Callable<Integer>> parse(String[] args, NotaryClientMain main) {
        Set<String> seen = new HashSet<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            String flag = GLOBAL_FLAGS.get(name);
            String option = GLOBAL_OPTIONS.get(name);
            if (flag != null && value == null && seen.add(flag)) {
                if (flag.equals("verbose")) {
                    main.verbose = true;
                } else {
                    main.debug = true;
                }
                i++;
                continue;
            }
            if (option == null || !seen.add(option)) {
                return Optional.empty();
            }
            if (value == null) {
                value = i + 1 < args.length ? args[i + 1] : "";
                i++;
            }
            i++;
            if (!plain(value) || COMMAND_NAMES.contains(value)) {
                return Optional.empty();
            }
            try {
                switch (option) {
                    case "server" -> main.server = value;
                    case "trustDir" -> main.trustDir = Path.of(value);
                    case "configFile" -> main.configFile = Path.of(value);
                    default -> main.tlsCaCert = Path.of(value);
                }
            } catch (InvalidPathException e) {
                return Optional.empty(); // picocli reports it
            }
        }
        if (i >= args.length) {
            return Optional.empty();
        }
        String command = args[i];
        List<String> parameters = new ArrayList<>();
        List<String> roles = null;
        for (i++; i < args.length; i++) {
            String arg = args[i];
            if (command.equals("list") && roles == null && (arg.equals("-r") || arg.equals("--roles"))
                    && i + 1 < args.length) {
                roles = roleNames(args[++i]);
            } else if (command.equals("list") && roles == null && arg.startsWith("--roles=")) {
                roles = roleNames(arg.substring("--roles=".length()));
            } else if (plain(arg)) {
                parameters.add(arg);
                continue;
            } else {
                return Optional.empty();
            }
            if (roles.isEmpty()) {
                return Optional.empty();
            }
        }
        switch (command) {
            case "list" -> {
                if (parameters.size() != 1) {
                    return Optional.empty();
                }
                NotaryClientMain.ListCommand list = new NotaryClientMain.ListCommand();
                list.main = main;
                list.gun = parameters.get(0);
                list.roles = roles == null ? List.of() : roles;
                return Optional.of(list);
            }
            case "lookup" -> {
                if (parameters.size() != 2) {
                    return Optional.empty();
                }
                NotaryClientMain.LookupCommand lookup = new NotaryClientMain.LookupCommand();
                lookup.main = main;
                lookup.gun = parameters.get(0);
                lookup.target = parameters.get(1);
                return Optional.of(lookup);
            }
            case "verify" -> {
                if (parameters.size() != 2) {
                    return Optional.empty();
                }
                NotaryClientMain.VerifyCommand verify = new NotaryClientMain.VerifyCommand();
                verify.main = main;
                verify.gun = parameters.get(0);
                verify.target = parameters.get(1);
                return Optional.of(verify);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A value or parameter picocli takes literally: not empty, not option-like, not an @argument-file. */
    private static boolean plain(String value) {
        return !value.isEmpty() && !value.startsWith("-") && !value.startsWith("@");
    }

    /** picocli splits on commas; empty names (and what picocli would read as options) make this give up. */
    private static List<String> roleNames(String value) {
        if (!plain(value) || value.endsWith(",") || value.contains(",,")) {
            return List.of();
        }
        return List.of(value.split(","));
    }
}
