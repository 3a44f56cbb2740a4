package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.server.TestServer;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.TestPki;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20 clients publish to one GUN at the same moment (re-sign requests: the server generates snapshot and timestamp
 * for each). Each new version is stored once; every loser gets 400 VERSION; the repository stays valid.
 */
class ConcurrentPublishHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUN = "example.com/race";
    private static final String VERSION_ERROR = "{\"errors\":[{\"code\":\"VERSION\",\"message\":"
            + "\"A newer version of metadata is already available.\",\"detail\":{}}]}\n";

    @Test
    void concurrentPublishersNeverOverwriteEachOther(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestServer server = TestServer.start(pki)) {
            NotaryCli cli = NotaryCli.forServer(dir.resolve("trust"), server.url(), pki.rootCaCert())
                    .withPassphrase("race-passphrase");
            cli.run("init", GUN).requireSuccess();
            cli.run("key", "rotate", GUN, "snapshot", "-r").requireSuccess();
            cli.run("publish", GUN).requireSuccess();
            int before = timestampVersion(server);

            int publishers = 20;
            ExecutorService pool = Executors.newFixedThreadPool(publishers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            byte[] resign = "--r--\r\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < publishers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return server.send("POST", "/v2/" + GUN + "/_trust/tuf/", "multipart/form-data; boundary=r", resign);
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                if (response.statusCode() == 200) {
                    winners++;
                } else {
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(response.body()).isEqualTo(VERSION_ERROR);
                }
            }
            pool.shutdown();
            assertThat(winners).isBetween(1, publishers);

            JsonNode feed = JSON.readTree(server.get("/v2/" + GUN + "/_trust/changefeed?records=1000").body());
            Set<Integer> versions = new HashSet<>();
            feed.get("records").forEach(record -> assertThat(versions.add(record.get("Version").asInt()))
                    .as("timestamp version stored once").isTrue());
            assertThat(timestampVersion(server)).isEqualTo(before + winners);
            assertThat(versions).hasSize(before + winners);
            NotaryCli reader = NotaryCli.forServer(dir.resolve("reader"), server.url(), pki.rootCaCert());
            reader.run("list", GUN).requireSuccess();
        }
    }

    private static int timestampVersion(TestServer server) throws Exception {
        return JSON.readTree(server.get("/v2/" + GUN + "/_trust/tuf/timestamp.json").body()).at("/signed/version").asInt();
    }
}
