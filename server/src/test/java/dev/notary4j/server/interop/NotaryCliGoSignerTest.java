package dev.notary4j.server.interop;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notary CLI flow against our server on PostgreSQL, with the Go notary-signer as its remote trust service (mutual
 * TLS with the PKI's signer-client certificate), as in a production deployment.
 */
class NotaryCliGoSignerTest {

    @Test
    void initAddPublishListDelete(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestDatabase database = PostgresDatabases.create("server-cli-flow");
             GoNotarySigner signer = GoNotarySigner.builder(pki, dir.resolve("signer")).start();
             TestServer server = TestServer.start(pki, config -> {
                 config.putObject("storage").put("backend", "postgres").put("db_url", database.goUrl());
                 config.putObject("trust_service").put("type", "remote").put("hostname", "localhost")
                         .put("port", String.valueOf(signer.port())).put("key_algorithm", "ecdsa")
                         .put("tls_ca_file", pki.rootCaCert().toString())
                         .put("tls_client_cert", pki.signerClientCert().toString())
                         .put("tls_client_key", pki.signerClientKey().toString());
             })) {
            CliFlow.run(server, pki, dir, "example.com/remote/app");
        }
    }
}
