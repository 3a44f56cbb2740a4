package dev.notary4j.client.cli;

import dev.notary4j.client.publish.Change;
import dev.notary4j.client.publish.Changelist;
import dev.notary4j.client.publish.KeyDirectory;
import dev.notary4j.client.publish.Publisher;
import dev.notary4j.client.publish.StagedChanges;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.RoleName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The write commands, for tests, benchmarks and scripted signing: notary's {@code init}, {@code add},
 * {@code addhash}, {@code remove}, {@code delegation add}, {@code key import} and {@code publish}, staging changes
 * in notary's changelist and keeping keys encrypted in the trust directory ({@link KeyDirectory}).
 */
final class WriteCommands {
    private WriteCommands() {
    }

    private static KeyDirectory keys(NotaryClientMain main) throws IOException {
        return new KeyDirectory(main.trustDir(), main.environment);
    }

    private static Changelist changelist(NotaryClientMain main, String gun) throws IOException {
        return new Changelist(main.trustDir(), gun);
    }

    @Command(name = "init", description = "Initializes a repository on the server (root and targets keys are "
            + "created locally; snapshot and timestamp keys are held by the server).")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Override
        public Integer call() throws IOException {
            new Publisher(main.client(), keys(main), Clock.systemUTC()).init(gun);
            main.out.println("Successfully initialized and published " + gun);
            return 0;
        }
    }

    @Command(name = "add", description = "Stages a new target from a file.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Parameters(index = "2", paramLabel = "FILE")
        Path file;

        @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to add this target to")
        List<String> roles = List.of(RoleName.TARGETS);

        @Override
        public Integer call() throws IOException {
            StagedChanges.addTarget(changelist(main, gun), roles, target, FileMeta.of(Files.readAllBytes(file)));
            main.out.println("Addition of target \"" + target + "\" to repository \"" + gun + "\" staged for next publish.");
            return 0;
        }
    }

    @Command(name = "addhash", description = "Stages a new target by its size and hashes.")
    static final class AddHash implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Parameters(index = "2", paramLabel = "SIZE")
        long size;

        @Option(names = "--sha256", description = "hex SHA-256 of the target")
        String sha256;

        @Option(names = "--sha512", description = "hex SHA-512 of the target")
        String sha512;

        @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to add this target to")
        List<String> roles = List.of(RoleName.TARGETS);

        @Override
        public Integer call() throws IOException {
            Map<String, byte[]> hashes = new LinkedHashMap<>();
            if (sha256 != null) {
                hashes.put(Hashes.SHA256, hex(sha256, 32));
            }
            if (sha512 != null) {
                hashes.put(Hashes.SHA512, hex(sha512, 64));
            }
            if (hashes.isEmpty()) {
                throw new IllegalArgumentException("addhash needs --sha256 or --sha512");
            }
            StagedChanges.addTarget(changelist(main, gun), roles, target, new FileMeta(size, hashes, null));
            main.out.println("Addition of target \"" + target + "\" by hash to repository \"" + gun + "\" staged for next publish.");
            return 0;
        }

        private static byte[] hex(String value, int length) {
            byte[] digest = HexFormat.of().parseHex(value);
            if (digest.length != length) {
                throw new IllegalArgumentException("expected " + length + " bytes of hex, got " + digest.length);
            }
            return digest;
        }
    }

    @Command(name = "remove", description = "Stages the removal of a target.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to remove this target from")
        List<String> roles = List.of(RoleName.TARGETS);

        @Override
        public Integer call() throws IOException {
            for (String role : roles) {
                changelist(main, gun).add(new Change(Change.DELETE, role, Change.TARGET, target, new byte[0]));
            }
            main.out.println("Removal of " + target + " from " + gun + " staged for next publish.");
            return 0;
        }
    }

    @Command(name = "publish", description = "Publishes the staged changes.")
    static final class Publish implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Override
        public Integer call() throws IOException {
            main.out.println("Pushing changes to " + gun + ".");
            new Publisher(main.client(), keys(main), Clock.systemUTC()).publish(gun, changelist(main, gun));
            main.out.println("Successfully published changes for repository " + gun);
            return 0;
        }
    }

    @Command(name = "delegation", description = "Operates on delegations.", subcommands = DelegationAdd.class)
    static final class Delegation {
        @ParentCommand
        NotaryClientMain main;
    }

    @Command(name = "add", description = "Stages a delegation to the keys in PEM public key or certificate files.")
    static final class DelegationAdd implements Callable<Integer> {
        @ParentCommand
        Delegation delegation;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Parameters(index = "2..*", paramLabel = "KEYFILE")
        List<Path> keyFiles = List.of();

        @Option(names = "--paths", split = ",", description = "Target path prefixes the delegation may sign")
        List<String> paths = List.of();

        @Option(names = "--all-paths", description = "The delegation may sign every target")
        boolean allPaths;

        @Override
        public Integer call() throws IOException {
            List<TufKey> keys = new java.util.ArrayList<>();
            for (Path file : keyFiles) {
                keys.add(StagedChanges.publicKeyFromPem(Files.readString(file)));
            }
            List<String> granted = allPaths ? List.of("") : paths;
            StagedChanges.addDelegation(changelist(delegation.main, gun), role, keys, granted);
            delegation.main.out.println("Addition of delegation role " + role + " with keys " + keys.stream().map(TufKey::id).toList()
                    + " to repository \"" + gun + "\" staged for next publish.");
            return 0;
        }
    }

    @Command(name = "key", description = "Operates on keys.", subcommands = KeyImport.class)
    static final class Key {
        @ParentCommand
        NotaryClientMain main;
    }

    @Command(name = "import", description = "Imports an unencrypted PKCS#8 PEM private key, encrypted with the role's passphrase.")
    static final class KeyImport implements Callable<Integer> {
        @ParentCommand
        Key key;

        @Parameters(index = "0", paramLabel = "PEMFILE")
        Path file;

        @Option(names = {"-r", "--role"}, required = true, description = "The role the key is for")
        String role;

        @Option(names = {"-g", "--gun"}, description = "The GUN the key is for")
        String gun = "";

        @Override
        public Integer call() throws IOException {
            TufPrivateKey imported = StagedChanges.privateKeyFromPem(Files.readString(file));
            keys(key.main).store(imported, role, gun);
            key.main.out.println("Imported key " + imported.id() + " for role " + role);
            return 0;
        }
    }
}
