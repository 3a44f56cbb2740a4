package dev.notary4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.testkit.GoNotaryServer;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.NotaryCli;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 5: two of our server processes on one PostgreSQL database, 20 publishers on one GUN at the same moment.
 * Every accepted version is stored exactly once, every rejected publish is a 400 {@code VERSION}, no stored row is
 * changed, and no accepted target is lost. Checked on the {@code tuf_files} rows themselves.
 */
class ConcurrentPublishIT {

    private static final String GUN = "example.com/concurrent/app";
    private static final int PUBLISHERS = 20;
    private static final String VERSION_ERROR = "{\"errors\":[{\"code\":\"VERSION\",\"message\":"
            + "\"A newer version of metadata is already available.\",\"detail\":{}}]}\n";
    /** What the Go CLI prints for a 400 whose error has no validation detail (storage/httpstore.go). */
    private static final String CLI_REJECTED = "trust server rejected operation";

    @TempDir
    Path dir;

    /** One tuf_files row as stored. */
    private record Row(long id, String gun, String role, int version, String sha256, String data) {
    }

    @Test
    void twentyPublishersOnTwoServerProcesses() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        try (TestDatabase db = PostgresDatabases.create("e2e-concurrent");
             GoNotarySigner signer = Packaged.signer(pki, dir).start();
             GoNotaryServer first = Packaged.server(pki, dir).remoteSigner(signer).postgres(db.goUrl()).start();
             GoNotaryServer second = Packaged.server(pki, dir).remoteSigner(signer).postgres(db.goUrl()).start()) {
            List<GoNotaryServer> servers = List.of(first, second);
            NotaryCli owner = NotaryCli.forServer(dir.resolve("trust-owner"), first.url(), pki.rootCaCert())
                    .withPassphrase("concurrent-passphrase");
            owner.run("init", GUN).requireSuccess();
            owner.run("key", "rotate", GUN, "snapshot", "-r").requireSuccess();
            owner.run("publish", GUN).requireSuccess();

            // 20 notary CLI processes, each with a copy of the owner's keys, each adding its own target.
            Map<Long, Row> before = rows(db);
            Path payload = Files.writeString(dir.resolve("payload.txt"), "concurrent\n");
            List<Callable<NotaryCli.Result>> publishes = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                Path trust = copyTree(owner.trustDir(), dir.resolve("trust-" + i));
                NotaryCli cli = NotaryCli.forServer(trust, servers.get(i % 2).url(), pki.rootCaCert())
                        .withPassphrase("concurrent-passphrase").withTimeout(Duration.ofSeconds(120));
                cli.run("add", GUN, "t" + i, payload.toString()).requireSuccess();
                publishes.add(() -> cli.run("publish", GUN));
            }
            List<NotaryCli.Result> results = allAtOnce(publishes);
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                NotaryCli.Result result = results.get(i);
                if (result.succeeded()) {
                    accepted.add("t" + i);
                } else {
                    assertThat(result.stdout() + result.stderr()).as("publisher %d", i).contains(CLI_REJECTED);
                }
            }
            assertThat(accepted).isNotEmpty();
            Map<Long, Row> afterCli = rows(db);
            assertUnchanged(before, afterCli);
            assertThat(added(before, afterCli, "targets")).as("one targets version per accepted publish")
                    .hasSize(accepted.size());
            assertThat(added(before, afterCli, "snapshot")).hasSize(accepted.size());
            assertThat(added(before, afterCli, "timestamp")).hasSize(accepted.size());
            // Each accepted publish built on the one before it: no accepted target is lost.
            NotaryCli reader = NotaryCli.forServer(dir.resolve("trust-reader"), second.url(), pki.rootCaCert());
            assertThat(CliAcceptanceFlow.list(reader, GUN)).containsOnlyKeys(accepted);

            // 20 clients re-sign (server-made snapshot and timestamp) through alternating processes, each retrying
            // until accepted: 20 accepted versions, every rejection in between a 400 VERSION.
            List<Callable<Integer>> resigners = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                Http http = new Http(pki, servers.get(i % 2).url());
                resigners.add(() -> resignUntilAccepted(http));
            }
            int rejections = allAtOnce(resigners).stream().mapToInt(Integer::intValue).sum();
            Map<Long, Row> afterResign = rows(db);
            assertUnchanged(afterCli, afterResign);
            assertThat(added(afterCli, afterResign, "timestamp")).hasSize(PUBLISHERS);
            assertThat(added(afterCli, afterResign, "snapshot")).hasSize(PUBLISHERS);
            assertThat(added(afterCli, afterResign, "targets")).isEmpty();
            assertThat(CliAcceptanceFlow.list(reader, GUN)).containsOnlyKeys(accepted);
            assertThat(afterResign.values().stream().filter(row -> row.role().equals("timestamp"))
                    .map(Row::version).sorted().toList()).as("timestamp versions, no gap, none twice")
                    .isEqualTo(IntStream.rangeClosed(1, afterResign.values().stream()
                            .filter(row -> row.role().equals("timestamp")).mapToInt(Row::version).max().orElseThrow())
                            .boxed().toList());
            System.out.printf("ConcurrentPublishIT: %d of %d CLI publishes accepted; 20 re-signs accepted after %d"
                    + " VERSION rejections%n", accepted.size(), PUBLISHERS, rejections);
        }
    }

    /** Posts a re-sign until it is accepted; returns how many times it was rejected (each must be VERSION). */
    private static int resignUntilAccepted(Http http) {
        for (int rejected = 0; rejected < 10 * PUBLISHERS; rejected++) {
            HttpResponse<String> response = http.post("/v2/" + GUN + "/_trust/tuf/", "multipart/form-data; boundary=r",
                    "--r--\r\n".getBytes(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                return rejected;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(VERSION_ERROR);
        }
        throw new AssertionError("a re-sign was never accepted");
    }

    /** Runs every task at the same moment, returns their results in order. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Long, Row> rows(TestDatabase db) throws Exception {
        Map<Long, Row> rows = new HashMap<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT id, gun, role, version, sha256, data FROM tuf_files")) {
            while (result.next()) {
                Row row = new Row(result.getLong(1), result.getString(2), result.getString(3), result.getInt(4),
                        result.getString(5), new String(result.getBytes(6), StandardCharsets.UTF_8));
                rows.put(row.id(), row);
            }
        }
        return rows;
    }

    /** Every earlier row is still there, byte for byte; no (gun, role, version) is stored twice. */
    private static void assertUnchanged(Map<Long, Row> before, Map<Long, Row> after) {
        before.forEach((id, row) -> assertThat(after.get(id)).as("row %d", id).isEqualTo(row));
        assertThat(after.values().stream().map(row -> row.gun() + " " + row.role() + " " + row.version()))
                .doesNotHaveDuplicates();
    }

    private static List<Row> added(Map<Long, Row> before, Map<Long, Row> after, String role) {
        return after.values().stream().filter(row -> !before.containsKey(row.id()) && row.role().equals(role))
                .toList();
    }

    private static Path copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
