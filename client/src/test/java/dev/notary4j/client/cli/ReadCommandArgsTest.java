package dev.notary4j.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The read commands' fast path takes only command lines that picocli parses to the same options and parameters. */
class ReadCommandArgsTest {
    static Stream<String> taken() {
        return Stream.of(
                "list example.com/app",
                "-s https://notary:4443 --tlscacert ca.crt -d trust list example.com/app",
                "--server=https://notary:4443 --trustDir=trust --configFile=c.json --tlscacert=ca.crt list app",
                "-c config.json -v -D list app -r targets/releases",
                "--verbose --debug list app --roles targets/a,targets/b",
                "list --roles=targets/a app",
                "-s https://notary:4443 lookup example.com/app v1",
                "-d trust verify example.com/app sha256:abcd",
                "list list");
    }

    static Stream<String> leftToPicocli() {
        return Stream.of(
                "", "--help", "-h", "--version", "list", "list --help", "list a b", "lookup app",
                "verify app t extra", "init app", "publish app", "delegation add app targets/r c.crt",
                "-s a -s b list app", "-s=https://x list app", "-sv list app", "-vD list app", "-v -v list app",
                "--verbose=true list app", "-s", "-s -d list app", "-d @file list app", "list @args",
                "list -r a -r b app", "list -r a,,b app", "list -r a, app", "list -r", "list app -x",
                "lookup app v1 --require-role targets", "lookup app v1 --agreeing-roles 2", "list -- app",
                "list -app", "--unknown list app", "unknown app", "-s list list app", "-d publish list app");
    }

    @ParameterizedTest
    @MethodSource("taken")
    void takesWhatPicocliParsesTheSameWay(String line) {
        String[] args = args(line);
        NotaryClientMain fast = new NotaryClientMain();
        Optional<Callable<Integer>> command = ReadCommandArgs.parse(args, fast);
        assertThat(command).as(line).isPresent();

        NotaryClientMain parsed = new NotaryClientMain();
        CommandLine.ParseResult result = new CommandLine(parsed).parseArgs(args);
        Object picocliCommand = result.subcommand().commandSpec().userObject();
        assertThat(describe(fast, command.get())).as(line).isEqualTo(describe(parsed, picocliCommand));
    }

    @ParameterizedTest
    @MethodSource("leftToPicocli")
    void leavesEverythingElseToPicocli(String line) {
        assertThat(ReadCommandArgs.parse(args(line), new NotaryClientMain())).as(line).isEmpty();
    }

    @Test
    void knowsEveryCommandName() {
        assertThat(ReadCommandArgs.COMMAND_NAMES)
                .isEqualTo(new CommandLine(new NotaryClientMain()).getSubcommands().keySet());
    }

    private static String[] args(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    private static List<Object> describe(NotaryClientMain main, Object command) {
        List<Object> all = new ArrayList<>(Arrays.asList(main.server, main.trustDir, main.configFile, main.tlsCaCert,
                main.verbose, main.debug, command.getClass()));
        if (command instanceof NotaryClientMain.ListCommand list) {
            all.addAll(Arrays.asList(list.main == main, list.gun, List.copyOf(list.roles)));
        } else if (command instanceof NotaryClientMain.LookupCommand lookup) {
            all.addAll(Arrays.asList(lookup.main == main, lookup.gun, lookup.target, lookup.requiredRoles,
                    lookup.agreeingRoles));
        } else if (command instanceof NotaryClientMain.VerifyCommand verify) {
            all.addAll(Arrays.asList(verify.main == main, verify.gun, verify.target));
        }
        return all;
    }
}
