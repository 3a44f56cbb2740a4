package dev.notary4j.e2e;

import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.TestPki;
import java.nio.file.Path;
import java.time.Duration;

/** Our packaged launchers (bin/notary-server, bin/notary-signer), started by the testkit builders of the Go peers. */
final class Packaged {

    static final Path REPO = Path.of(System.getProperty("notary4j.repo", "..")).toAbsolutePath().normalize();

    /** A JVM starts slower than a Go binary, the more so on a loaded machine. */
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private Packaged() {
    }

    /** Our notary-server as a separate JVM process, configured with the same config file as the Go one. */
    static GoNotaryServer.Builder server(TestPki pki, Path dir) {
        return GoNotaryServer.builder(pki, dir).binary(REPO.resolve("bin/notary-server").toString())
                .logLevel("error").startupTimeout(STARTUP);
    }

    /** Our notary-signer as a separate JVM process, configured with the same config file as the Go one. */
    static GoNotarySigner.Builder signer(TestPki pki, Path dir) {
        return GoNotarySigner.builder(pki, dir).binary(REPO.resolve("bin/notary-signer").toString())
                .logLevel("error").startupTimeout(STARTUP);
    }
}
