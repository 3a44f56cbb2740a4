package dev.notary4j.client.cli;

import dev.notary4j.client.publish.Change;
import dev.notary4j.client.publish.ChangeList;
import dev.notary4j.client.publish.KeyDirectory;
import dev.notary4j.client.publish.PublishException;
import dev.notary4j.client.publish.Publisher;
import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.FileMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * notary's write commands ({@code init}, {@code add}, {@code addhash}, {@code delegation add}, {@code publish}) with
 * its messages. Keys live under the trust directory's {@code private/}; passphrases come from notary's
 * {@code NOTARY_<ROLE>_PASSPHRASE} variables (there is no prompt).
 */
final class WriteCommands {
    private static final long MAX_FILE_BYTES = 1L << 31;

    private WriteCommands() {
    }

    static Publisher publisher(NotaryClientMain main) throws IOException {
        return main.client().publisher(keyDirectory(main));
    }

    static KeyDirectory keyDirectory(NotaryClientMain main) throws IOException {
        return new KeyDirectory(main.trustDirectory(), KeyDirectory.environmentPassphrases(main.environment));
    }

    static void publish(NotaryClientMain main, Publisher publisher, String gun) {
        main.out.print("Pushing changes to " + gun + "\n");
        publisher.publish(gun);
        main.out.print("Successfully published changes for repository " + gun + "\n");
        main.out.flush();
    }

    @Command(name = "init", description = "Initializes a local trusted collection.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Option(names = {"-p", "--publish"}, description = "Auto publish after initialization")
        boolean publish;

        @Option(names = "--server-managed-snapshot", description = "Let the server hold the snapshot key")
        boolean serverManagedSnapshot;

        @Override
        public Integer call() throws IOException {
            Publisher publisher = publisher(main);
            publisher.init(gun, serverManagedSnapshot);
            if (publish) {
                publish(main, publisher, gun);
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Adds the file as a target to the trusted collection.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Parameters(index = "2", paramLabel = "PATH")
        Path file;

        @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to add this target to")
        List<String> roles = List.of();

        @Override
        public Integer call() throws IOException {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PublishException("file " + file + " is too large to hash here");
            }
            byte[] content = Files.readAllBytes(file);
            Map<String, byte[]> hashes = new LinkedHashMap<>();
            hashes.put(Hashes.SHA256, Hashes.sha256(content));
            hashes.put(Hashes.SHA512, Hashes.sha512(content));
            stageTarget(main, gun, target, new FileMeta(content.length, hashes, null), roles);
            main.out.print("Addition of target \"" + target + "\" to repository \"" + gun + "\" staged for next publish.\n");
            main.out.flush();
            return 0;
        }
    }

    @Command(name = "addhash", description = "Adds a new target to the trusted collection by its size and hashes.")
    static final class AddHash implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Parameters(index = "2", paramLabel = "SIZE")
        long size;

        @Option(names = "--sha256", description = "hex of the target's sha256")
        String sha256;

        @Option(names = "--sha512", description = "hex of the target's sha512")
        String sha512;

        @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to add this target to")
        List<String> roles = List.of();

        @Override
        public Integer call() throws IOException {
            Map<String, byte[]> hashes = new LinkedHashMap<>();
            if (sha256 != null) {
                hashes.put(Hashes.SHA256, digest(sha256, 32, "sha256"));
            }
            if (sha512 != null) {
                hashes.put(Hashes.SHA512, digest(sha512, 64, "sha512"));
            }
            if (hashes.isEmpty()) {
                throw new PublishException("Must specify at least one hash (--sha256 or --sha512)");
            }
            if (size < 0) {
                throw new PublishException("invalid size " + size);
            }
            stageTarget(main, gun, target, new FileMeta(size, hashes, null), roles);
            main.out.print("Addition of target \"" + target + "\" by " + String.join(", ", hashes.keySet())
                    + " hash to repository \"" + gun + "\" staged for next publish.\n");
            main.out.flush();
            return 0;
        }

        private static byte[] digest(String hex, int length, String algorithm) {
            try {
                byte[] digest = HexFormat.of().parseHex(hex);
                if (digest.length == length) {
                    return digest;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new PublishException("invalid " + algorithm + " hex digest");
        }
    }

    private static void stageTarget(NotaryClientMain main, String gun, String target, FileMeta meta, List<String> roles)
            throws IOException {
        for (String role : roles.isEmpty() ? List.of("targets") : roles) {
            stage(main, gun, new Change.AddTarget(role, target, meta));
        }
    }

    /** Staging is offline: it needs neither the server nor an HTTP client. */
    private static void stage(NotaryClientMain main, String gun, Change change) throws IOException {
        Publisher.validate(change);
        ChangeList.of(main.trustDirectory(), main.serverUri(), gun).add(change);
    }

    @Command(name = "delegation", description = "Operates on delegations.", subcommands = DelegationAdd.class)
    static final class Delegation {
        @ParentCommand
        NotaryClientMain main;
    }

    @Command(name = "add", description = "Adds a delegation role with the keys of these certificates.")
    static final class DelegationAdd implements Callable<Integer> {
        @ParentCommand
        Delegation delegation;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Parameters(index = "2..*", paramLabel = "CERTFILE")
        List<Path> certificates = List.of();

        @Option(names = "--all-paths", description = "Permit this delegation to sign any path")
        boolean allPaths;

        @Option(names = "--paths", split = ",", description = "Path prefixes this delegation may sign")
        List<String> paths = List.of();

        @Option(names = "--key", description = "Unencrypted PKCS#8 PEM private key of the delegation, imported into "
                + "the trust directory (encrypted with NOTARY_DELEGATION_PASSPHRASE)")
        Path privateKey;

        @Override
        public Integer call() throws IOException {
            NotaryClientMain main = delegation.main;
            List<TufKey> keys = new ArrayList<>();
            for (Path file : certificates) {
                keys.add(certificateKey(file));
            }
            List<String> allowed = new ArrayList<>(paths);
            if (allPaths) {
                allowed.add("");
            }
            if (privateKey != null) {
                TufPrivateKey key = TufPrivateKey.fromPkcs8(pkcs8(privateKey));
                keyDirectory(main).store(key, role, Optional.empty());
            }
            stage(main, gun, new Change.AddDelegation(role, keys, allowed));
            main.out.print("Addition of delegation role " + role + " with keys "
                    + keys.stream().map(TufKey::canonicalId).toList() + ", to repository \"" + gun
                    + "\" staged for next publish.\n");
            main.out.flush();
            return 0;
        }

        private static TufKey certificateKey(Path file) throws IOException {
            try {
                List<X509Certificate> chain = Certificates.parseBundle(Files.readAllBytes(file));
                return Certificates.toTufKey(chain.get(0), chain.subList(1, chain.size()));
            } catch (CertificateRuleException e) {
                throw new PublishException("cannot use certificate " + file + ": " + e.getMessage(), e);
            }
        }

        private static byte[] pkcs8(Path file) throws IOException {
            String text = Files.readString(file);
            String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new PublishException(file + " is not an unencrypted PKCS#8 PEM private key");
            }
            return java.util.Base64.getDecoder().decode(body);
        }
    }

    @Command(name = "publish", description = "Publishes the local trusted collection.")
    static final class Publish implements Callable<Integer> {
        @ParentCommand
        NotaryClientMain main;

        @Parameters(index = "0", paramLabel = "GUN")
        String gun;

        @Override
        public Integer call() throws IOException {
            publish(main, publisher(main), gun);
            return 0;
        }
    }
}
