/**
 * Test support for interop and storage tests: free loopback ports ({@link dev.notary4j.testkit.FreePorts}), a
 * development PKI with the file names of certs.sh ({@link dev.notary4j.testkit.TestPki}), the Go reference
 * {@code notary-signer} / {@code notary-server} 0.7 on loopback ({@link dev.notary4j.testkit.GoNotarySigner},
 * {@link dev.notary4j.testkit.GoNotaryServer}), throwaway PostgreSQL databases with or without the Go schema
 * ({@link dev.notary4j.testkit.PostgresDatabases}) and the Go {@code notary} CLI
 * ({@link dev.notary4j.testkit.NotaryCli}).
 *
 * <pre>{@code
 * TestPki pki = TestPki.generate(tempDir.resolve("pki"));
 * try (TestDatabase signerDb = PostgresDatabases.createWithGoSchema("my-test", GoSchema.SIGNER);
 *      GoNotarySigner signer = GoNotarySigner.builder(pki, tempDir).postgres(signerDb.goUrl()).start();
 *      GoNotaryServer server = GoNotaryServer.builder(pki, tempDir).remoteSigner(signer).start()) {
 *     NotaryCli cli = NotaryCli.forServer(tempDir.resolve("trust"), server.url(), pki.rootCaCert())
 *             .withPassphrase("test-passphrase");
 *     cli.run("init", "example.com/app").requireSuccess();
 * }
 * }</pre>
 *
 * A missing Go binary is a {@link dev.notary4j.testkit.MissingBinaryException} (never a skip); a peer that does not
 * become ready is a {@link dev.notary4j.testkit.PeerStartupException} carrying the end of its log.
 */
package dev.notary4j.testkit;
