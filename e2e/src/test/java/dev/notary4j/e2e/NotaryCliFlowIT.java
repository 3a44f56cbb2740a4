package dev.notary4j.e2e;

import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1 and 2: the whole notary CLI flow against our packaged notary-server, signing through our packaged
 * notary-signer, and through the Go notary-signer.
 */
class NotaryCliFlowIT {

    @TempDir
    Path dir;

    @Test
    void ourServerWithOurSigner() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (GoNotarySigner signer = Packaged.signer(pki, dir).start();
             GoNotaryServer server = Packaged.server(pki, dir).remoteSigner(signer).start()) {
            CliAcceptanceFlow.run(pki, dir, server.url(), "example.com/flow/our-signer");
        }
    }

    @Test
    void ourServerWithGoSigner() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (GoNotarySigner signer = GoNotarySigner.builder(pki, dir).logLevel("error").start();
             GoNotaryServer server = Packaged.server(pki, dir).remoteSigner(signer).start()) {
            CliAcceptanceFlow.run(pki, dir, server.url(), "example.com/flow/go-signer");
        }
    }
}
