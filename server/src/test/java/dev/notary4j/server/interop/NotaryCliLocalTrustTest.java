package dev.notary4j.server.interop;

import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notary CLI flow against our server with {@code trust_service.type = local} and the embedded (memory) store. */
class NotaryCliLocalTrustTest {

    @Test
    void initAddPublishListDelete(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki)) {
            CliFlow.run(server, pki, dir, "example.com/local/app");
        }
    }
}
