package dev.notary4j.bench;

import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** One notary-server + notary-signer pair on its own two PostgreSQL databases (Go's schema), started by testkit. */
final class Deployment implements AutoCloseable {

    final String name;
    final GoNotarySigner signer;
    private final GoNotaryServer.Builder serverBuilder;
    private GoNotaryServer server;
    private final TestDatabase signerDb;
    private final TestDatabase serverDb;

    private Deployment(String name, TestDatabase signerDb, TestDatabase serverDb, GoNotarySigner signer,
                       GoNotaryServer.Builder serverBuilder) {
        this.name = name;
        this.signerDb = signerDb;
        this.serverDb = serverDb;
        this.signer = signer;
        this.serverBuilder = serverBuilder;
        this.server = serverBuilder.start();
    }

    GoNotaryServer server() {
        return server;
    }

    /**
     * When the server process has died, starts a new one on the same databases and signer (a new port) and returns
     * the first line of the dead one's log that says why; empty when it is still running.
     */
    Optional<String> restartServerIfDead() {
        if (stillRunning(server.pid())) {
            return Optional.empty();
        }
        String why;
        try (Stream<String> log = Files.lines(server.logFile())) {
            why = log.filter(line -> line.contains("fatal error") || line.contains("panic")).findFirst()
                    .orElse("exited");
        } catch (IOException | UncheckedIOException e) {
            why = "exited (log unreadable: " + e.getMessage() + ")";
        }
        server.close();
        server = serverBuilder.start();
        return Optional.of(why);
    }

    /**
     * Whether the process is alive a few seconds from now: a Go server that hits a fatal error has already closed
     * its connections (the client's failure brought us here) while it is still printing every goroutine's stack.
     */
    private static boolean stillRunning(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return false;
        }
        try {
            process.get().onExit().get(5, TimeUnit.SECONDS);
            return false;
        } catch (TimeoutException alive) {
            return true;
        } catch (ExecutionException e) {
            return process.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return process.get().isAlive();
        }
    }

    /** {@code binDir} null = the Go binaries from PATH; otherwise {@code binDir/notary-server} and {@code -signer}. */
    static Deployment start(String name, TestPki pki, Path work, Path binDir) {
        String id = name.toLowerCase().replaceAll("[^a-z0-9]", "");
        TestDatabase signerDb = PostgresDatabases.createWithGoSchema("bench-" + id + "-signer",
                PostgresDatabases.GoSchema.SIGNER);
        TestDatabase serverDb = PostgresDatabases.createWithGoSchema("bench-" + id + "-server",
                PostgresDatabases.GoSchema.SERVER);
        GoNotarySigner.Builder signer = GoNotarySigner.builder(pki, work.resolve(id + "-signer"))
                .postgres(signerDb.goUrl()).logLevel("error").startupTimeout(Duration.ofSeconds(90));
        if (binDir != null) {
            signer.binary(binDir.resolve("notary-signer").toString());
        }
        GoNotarySigner startedSigner = signer.start();
        GoNotaryServer.Builder server = GoNotaryServer.builder(pki, work.resolve(id + "-server"))
                .remoteSigner(startedSigner).postgres(serverDb.goUrl()).logLevel("error")
                .startupTimeout(Duration.ofSeconds(90));
        if (binDir != null) {
            server.binary(binDir.resolve("notary-server").toString());
        }
        return new Deployment(name, signerDb, serverDb, startedSigner, server);
    }

    @Override
    public void close() {
        server.close();
        signer.close();
        serverDb.close();
        signerDb.close();
    }
}
