package dev.notary4j.wrapper.support;

import dev.notary4j.testkit.DelegationKey;
import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Go notary-server with repositories published by the real {@code notary} CLI:
 * {@link #APP} has tags v1 and v2 signed by {@code targets}; {@link #DELEGATED} has delegations
 * {@code targets/releases}, {@code targets/alice} and {@code targets/bob} (see {@link #publishDelegated()}).
 */
public final class PublishedRepositories implements AutoCloseable {
    public static final String APP = "example.com/app";
    public static final String DELEGATED = "example.com/delegated";
    public static final String V1 = "a1".repeat(32);
    public static final String V2 = "b2".repeat(32);
    public static final String RELEASED = "c3".repeat(32);
    public static final String AGREED = "d4".repeat(32);
    public static final String ALICE_ONLY = "e5".repeat(32);
    public static final String BOB_ONLY = "f6".repeat(32);

    private final Path work;
    private final TestPki pki;
    private final GoNotaryServer server;
    private final NotaryCli publisher;

    private PublishedRepositories(Path work) {
        this.work = work;
        this.pki = TestPki.generate(work.resolve("pki"));
        this.server = GoNotaryServer.builder(pki, work.resolve("server")).localSigner().logLevel("error").start();
        this.publisher = NotaryCli.forServer(work.resolve("publisher"), server.url(), pki.rootCaCert())
                .withPassphrase("pw");
    }

    /** Starts the server and publishes {@link #APP}. */
    public static PublishedRepositories start(Path work) {
        PublishedRepositories repos = new PublishedRepositories(work);
        try {
            repos.publisher.run("init", APP).requireSuccess();
            repos.publisher.run("addhash", APP, "v1", "100", "--sha256", V1).requireSuccess();
            repos.publisher.run("addhash", APP, "v2", "200", "--sha256", V2).requireSuccess();
            repos.publisher.run("publish", APP).requireSuccess();
            return repos;
        } catch (RuntimeException e) {
            repos.close();
            throw e;
        }
    }

    /** Publishes {@code gun} with tag v1 = {@link #V1}, signed by targets. */
    public void publishSimple(String gun) {
        publisher.run("init", gun).requireSuccess();
        publisher.run("addhash", gun, "v1", "100", "--sha256", V1).requireSuccess();
        publisher.run("publish", gun).requireSuccess();
    }

    /**
     * Publishes {@link #DELEGATED}: {@code base} signed by targets only, {@code rel} by targets/releases,
     * {@code agree} by alice and bob with one digest, {@code disagree} by alice and bob with different digests.
     */
    public void publishDelegated() throws IOException, InterruptedException {
        publisher.run("init", DELEGATED).requireSuccess();
        for (String role : new String[] {"releases", "alice", "bob"}) {
            Path key = delegationKey(role);
            publisher.run("delegation", "add", DELEGATED, "targets/" + role, key.resolveSibling(role + ".crt").toString(),
                    "--all-paths").requireSuccess();
            publisher.run("key", "import", key.toString(), "-r", "targets/" + role).requireSuccess();
        }
        publisher.run("addhash", DELEGATED, "base", "1", "--sha256", V1).requireSuccess();
        publisher.run("addhash", DELEGATED, "rel", "3", "--sha256", RELEASED, "-r", "targets/releases").requireSuccess();
        publisher.run("addhash", DELEGATED, "agree", "4", "--sha256", AGREED, "-r", "targets/alice").requireSuccess();
        publisher.run("addhash", DELEGATED, "agree", "4", "--sha256", AGREED, "-r", "targets/bob").requireSuccess();
        publisher.run("addhash", DELEGATED, "disagree", "5", "--sha256", ALICE_ONLY, "-r", "targets/alice").requireSuccess();
        publisher.run("addhash", DELEGATED, "disagree", "5", "--sha256", BOB_ONLY, "-r", "targets/bob").requireSuccess();
        publisher.run("publish", DELEGATED).requireSuccess();
    }

    /** An ECDSA key (unencrypted PKCS#8) at {@code keys/NAME.key} and its self-signed certificate at {@code keys/NAME.crt}. */
    private Path delegationKey(String name) throws IOException {
        return DelegationKey.generate(Files.createDirectories(work.resolve("keys")), name).privateKey();
    }

    public TestPki pki() {
        return pki;
    }

    public GoNotaryServer server() {
        return server;
    }

    public NotaryCli publisher() {
        return publisher;
    }

    /** A reader with a trust directory of its own. */
    public NotaryCli reader(String name) {
        return NotaryCli.forServer(work.resolve(name), server.url(), pki.rootCaCert());
    }

    @Override
    public void close() {
        server.close();
    }
}
