package dev.notary4j.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.server.conformance.GunRepository.Keys;
import dev.notary4j.server.conformance.ServerPair.Answer;
import dev.notary4j.server.conformance.ServerPair.Side;
import dev.notary4j.server.conformance.UploadCase.Expected;
import dev.notary4j.server.conformance.UploadCase.Stored;
import dev.notary4j.tuf.crypto.TufKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upload validation (spec §4.5 phase A, §5 phase B) against the Go notary-server as oracle: every upload of
 * {@link UploadCatalogue} goes to the Go server and to ours, each on a fresh GUN seeded identically on both. An
 * invalid upload must get Go's status, error code, message and detail (compared as parsed JSON; Go's answer is
 * itself pinned so that each case trips the rule it is named after) and must leave storage untouched: every watched
 * role and the GUN's changefeed read the same before and after, on both servers. Where the spec tells us to answer
 * differently from a Go quirk, ours must give the spec's answer and Go's quirk is asserted separately. Valid uploads
 * must be accepted by both and served back verbatim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadValidationConformanceTest {

    private final AtomicInteger gunCount = new AtomicInteger();
    private ServerPair servers;
    private Keys keys;
    private GunRepository expiringRoot;
    private Instant rootExpiry;

    @BeforeAll
    void start(@TempDir Path dir) {
        servers = ServerPair.start(dir);
        keys = Keys.generate();
        // Seeded first, with a certificate valid for a few seconds, so that it has expired when its case runs.
        String gun = nextGun();
        rootExpiry = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        expiringRoot = new GunRepository(gun, keys, GunRepository.certificate(keys.root(), gun,
                Instant.now().minus(Duration.ofHours(1)), rootExpiry), servers.serverKey(gun, "timestamp"), null);
        seed(expiringRoot);
    }

    @AfterAll
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    static Stream<UploadCase> rejections() {
        return UploadCatalogue.all().filter(c -> !c.accepted() && !c.goQuirk());
    }

    static Stream<UploadCase> goQuirks() {
        return UploadCatalogue.all().filter(UploadCase::goQuirk);
    }

    static Stream<UploadCase> validUploads() {
        return UploadCatalogue.all().filter(UploadCase::accepted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void invalidUploadGetsGosAnswerAndStoresNothing(UploadCase upload) {
        GunRepository repo = prepare(upload.stored());
        Upload body = lastStep(upload, repo);
        List<String> watched = UploadCatalogue.watchedRoles(body);
        Map<String, Answer> goBefore = servers.go().storage(repo.gun, watched);
        Map<String, Answer> oursBefore = servers.ours().storage(repo.gun, watched);

        Answer go = servers.go().upload(repo.gun, body);
        Answer ours = servers.ours().upload(repo.gun, body);

        assertMatches(servers.go(), go, upload.go(), repo);
        assertThat(ours.status()).as("status: ours %s, Go %s", ours, go).isEqualTo(go.status());
        assertThat(ours.json()).as("body: ours %s, Go %s", ours, go).isEqualTo(go.json());
        assertThat(servers.go().storage(repo.gun, watched)).as("Go's storage").isEqualTo(goBefore);
        assertThat(servers.ours().storage(repo.gun, watched)).as("our storage").isEqualTo(oursBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goQuirks")
    void whereGoHasAQuirkOursAnswersAsTheSpecSays(UploadCase upload) {
        GunRepository repo = prepare(upload.stored());
        Upload body = lastStep(upload, repo);
        List<String> watched = UploadCatalogue.watchedRoles(body);
        Map<String, Answer> goBefore = servers.go().storage(repo.gun, watched);
        Map<String, Answer> oursBefore = servers.ours().storage(repo.gun, watched);

        Answer go = servers.go().upload(repo.gun, body);
        Answer ours = servers.ours().upload(repo.gun, body);

        assertMatches(servers.go(), go, upload.go(), repo);
        assertMatches(servers.ours(), ours, upload.oursExpected(), repo);
        if (go.status() != 200) {
            assertThat(servers.go().storage(repo.gun, watched)).as("Go's storage").isEqualTo(goBefore);
        }
        assertThat(servers.ours().storage(repo.gun, watched)).as("our storage").isEqualTo(oursBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUploads")
    void validUploadIsAcceptedByBothAndServedVerbatim(UploadCase upload) {
        GunRepository repo = prepare(upload.stored());
        Upload body = lastStep(upload, repo);
        for (Side side : List.of(servers.go(), servers.ours())) {
            int changes = changeCount(side, repo.gun);
            Answer answer = side.upload(repo.gun, body);
            assertMatches(side, answer, Expected.ACCEPTED, repo);
            assertThat(answer.body()).as("%s: body", side.name()).isEmpty();
            body.files().forEach((role, data) -> {
                String served = side.send("GET", "/v2/" + repo.gun + "/_trust/tuf/" + role + ".json").body();
                String uploaded = new String(data, StandardCharsets.UTF_8);
                if (role.equals("timestamp")) {
                    assertThat(served).as("%s: the server makes its own timestamp", side.name()).isNotEqualTo(uploaded);
                } else {
                    assertThat(served).as("%s: served %s", side.name(), role).isEqualTo(uploaded);
                }
            });
            assertThat(changeCount(side, repo.gun)).as("%s: one new timestamp in the changefeed", side.name())
                    .isEqualTo(changes + 1);
        }
    }

    private void assertMatches(Side side, Answer answer, Expected expected, GunRepository repo) {
        assertThat(answer.status()).as("%s: status of %s", side.name(), answer).isEqualTo(expected.status());
        if (expected.status() == 200 || answer.closed()) {
            return;
        }
        JsonNode error = answer.json() == null ? null : answer.json().at("/errors/0");
        assertThat(error).as("%s: error envelope %s", side.name(), answer).isNotNull();
        assertThat(answer.json().get("errors")).as("%s: exactly one error", side.name()).hasSize(1);
        assertThat(error.path("code").asText()).as("%s: code in %s", side.name(), answer).isEqualTo(expected.code());
        assertThat(error.get("detail")).as("%s: detail in %s", side.name(), answer).isEqualTo(expected.detailJson(repo));
    }

    /** Sends every step but the last to both servers (each must accept it) and returns the last. */
    private Upload lastStep(UploadCase upload, GunRepository repo) {
        List<Upload> steps = upload.steps().apply(repo);
        for (Upload step : steps.subList(0, steps.size() - 1)) {
            for (Side side : List.of(servers.go(), servers.ours())) {
                Answer answer = side.upload(repo.gun, step);
                assertThat(answer.status()).as("%s: preparatory upload %s", side.name(), answer).isEqualTo(200);
            }
        }
        return steps.get(steps.size() - 1);
    }

    /** A fresh GUN in the requested state, identical on both servers. */
    private GunRepository prepare(Stored stored) {
        if (stored == Stored.EXPIRED_ROOT_CERTIFICATE) {
            awaitRootExpiry();
            return expiringRoot;
        }
        String gun = nextGun();
        TufKey timestampKey = servers.serverKey(gun, "timestamp");
        TufKey snapshotKey = stored.serverSnapshotKey ? servers.serverKey(gun, "snapshot") : null;
        GunRepository repo = new GunRepository(gun, keys, timestampKey, snapshotKey);
        if (stored.seeded) {
            seed(repo);
        }
        return repo;
    }

    /** Publishes the valid version-1 repository on both servers; the Go server accepting it proves the fixture. */
    private void seed(GunRepository repo) {
        for (Side side : List.of(servers.go(), servers.ours())) {
            Answer answer = side.upload(repo.gun, repo.seedUpload());
            assertThat(answer.status()).as("seeding %s on %s: %s", repo.gun, side.name(), answer).isEqualTo(200);
        }
    }

    private void awaitRootExpiry() {
        long wait = Duration.between(Instant.now(), rootExpiry.plusMillis(1500)).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String nextGun() {
        return "example.com/conformance/c" + gunCount.incrementAndGet();
    }

    private static int changeCount(Side side, String gun) {
        Answer feed = side.send("GET", "/v2/" + gun + "/_trust/changefeed?records=1000");
        assertThat(feed.status()).as("%s: changefeed %s", side.name(), feed).isEqualTo(200);
        return feed.json().get("count").asInt();
    }
}
