package dev.notary4j.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.json.TufJson;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import dev.notary4j.tuf.model.Timestamp;
import dev.notary4j.tuf.verify.ThresholdNotMetException;
import dev.notary4j.tuf.verify.ThresholdVerifier;
import dev.notary4j.tuf.verify.VerificationRole;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden fixtures that the real Go notary 0.7 CLI published to a Go notary-server (fixtures/README.md,
 * make-fixtures.sh): every file parses, our canonical bytes are what the Go tools signed, our key IDs are the IDs
 * in the files, the snapshot and timestamp vouch for the exact bytes, and tampered copies are refused.
 */
class GoldenFixturesTest {

    /** The fixtures were made on 2026-11-23; their timestamps expire 14 days later. */
    private static final Instant WHEN_MADE = Instant.parse("2026-11-23T12:00:00Z");

    record Case(String name, String gun, Path dir) {
        byte[] file(String relative) {
            try {
                return Files.readAllBytes(dir.resolve(relative));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        Path fixtures = Path.of(GoldenFixturesTest.class.getResource("/fixtures/cases.tsv").toURI()).getParent();
        List<Case> cases = Files.readAllLines(fixtures.resolve("cases.tsv")).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t"))
                .map(cols -> new Case(cols[0], cols[1], fixtures.resolve(cols[0])))
                .toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(9);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFileParsesVerifiesAndReserialisesByteForByte(Case c) {
        Root root = verifiedRoot(c, c.file("root.json"));
        Targets targets = verifyAgainstRoot(c.file("targets.json"), "targets", root, Targets.class);
        verifyAgainstRoot(c.file("snapshot.json"), "snapshot", root, Snapshot.class);
        verifyAgainstRoot(c.file("timestamp.json"), "timestamp", root, Timestamp.class);
        for (String delegation : delegationsOf(c)) {
            SignedMetadata<Targets> parsed = SignedMetadata.parseTargets(c.file(delegation + ".json"), delegation);
            assertThat(ThresholdVerifier.verify(parsed.envelope(), VerificationRole.fromDelegation(targets, delegation)))
                    .isNotEmpty();
            assertThat(parsed.reserialize()).isEqualTo(parsed.raw());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keyIdsWeComputeAreTheIdsInTheFiles(Case c) {
        Root root = SignedMetadata.parseRoot(c.file("root.json")).signed();
        root.keys().forEach((listedId, key) -> assertThat(key.id()).as("key listed as %s", listedId).isEqualTo(listedId));
        // The server's answers to GET <role>.key are keys of the current root's role.
        for (String role : List.of("timestamp", "snapshot")) {
            JsonNode answer = TufJson.parse(c.file(role + ".key"));
            TufKey key = new TufKey(answer.get("keytype").asText(),
                    Base64.getDecoder().decode(answer.get("keyval").get("public").asText()));
            if (role.equals("timestamp") || c.name().contains("snapshot") || c.name().equals("ed25519-server")) {
                assertThat(root.roles().get(role).keyIdList()).contains(key.id());
            }
        }
        // The root certificate rebuilt as Go does it keeps the ID the root lists it under.
        Role rootRole = root.roles().get("root");
        var selection = Certificates.rootKeysOfNewRoot(keysOf(root, rootRole), c.gun(), WHEN_MADE);
        assertThat(selection.keys()).extracting(TufKey::id).containsExactlyInAnyOrderElementsOf(rootRole.keyIdList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void snapshotAndTimestampVouchForTheExactFiles(Case c) throws Exception {
        Snapshot snapshot = SignedMetadata.parseSnapshot(c.file("snapshot.json")).signed();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("root", c.file("root.json"));
        files.put("targets", c.file("targets.json"));
        for (String delegation : delegationsOf(c)) {
            files.put(delegation, c.file(delegation + ".json"));
        }
        assertThat(snapshot.meta().keySet()).containsExactlyInAnyOrderElementsOf(files.keySet());
        for (var e : files.entrySet()) {
            assertThat(snapshot.meta().get(e.getKey()).length()).isEqualTo(e.getValue().length);
            Hashes.check(snapshot.meta().get(e.getKey()).hashes(), e.getValue());
        }
        Timestamp timestamp = SignedMetadata.parseTimestamp(c.file("timestamp.json")).signed();
        Hashes.check(timestamp.snapshotMeta().hashes(), c.file("snapshot.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rootVersionsChainAsTheClientFollowsThem(Case c) throws IOException {
        List<Path> versioned;
        try (Stream<Path> list = Files.list(c.dir())) {
            versioned = list.filter(p -> p.getFileName().toString().matches("\\d+\\.root\\.json")).sorted().toList();
        }
        Root previous = null;
        for (Path file : versioned) {
            byte[] raw = Files.readAllBytes(file);
            Root current = verifiedRoot(c, raw);
            if (previous != null) {
                Role oldRole = previous.roles().get("root");
                var oldKeys = Certificates.rootKeysOfPreviousRoot(keysOf(previous, oldRole), c.gun()).keys();
                assertThat(ThresholdVerifier.verify(SignedEnvelope.parse(raw, "root"),
                        new VerificationRole("root", byId(oldKeys), oldRole.threshold()))).isNotEmpty();
            }
            previous = current;
        }
        if (c.name().equals("root-rotated")) {
            assertThat(versioned).hasSize(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneChangedByteInSignedIsRefused(Case c) {
        String raw = new String(c.file("targets.json"), StandardCharsets.UTF_8);
        String tampered = raw.replaceFirst("\"version\":(\\d+)", "\"version\":9$1");
        assertThat(tampered).isNotEqualTo(raw);
        Root root = SignedMetadata.parseRoot(c.file("root.json")).signed();
        assertThatThrownBy(() -> ThresholdVerifier.verify(SignedEnvelope.parse(bytes(tampered), "targets"),
                VerificationRole.fromRoot(root, "targets")))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> assertThat(e.validCount()).isZero());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signaturesOfAnotherRolesKeyAreRefused(Case c) {
        String snapshot = new String(c.file("snapshot.json"), StandardCharsets.UTF_8);
        String targets = new String(c.file("targets.json"), StandardCharsets.UTF_8);
        String mixed = snapshot.substring(0, snapshot.indexOf(",\"signatures\":"))
                + targets.substring(targets.indexOf(",\"signatures\":"));
        Root root = SignedMetadata.parseRoot(c.file("root.json")).signed();
        assertThatThrownBy(() -> ThresholdVerifier.verify(SignedEnvelope.parse(bytes(mixed), "snapshot"),
                VerificationRole.fromRoot(root, "snapshot")))
                .isInstanceOf(ThresholdNotMetException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMethodThatDisagreesWithTheKeyTypeIsRefused(Case c) {
        String raw = new String(c.file("timestamp.json"), StandardCharsets.UTF_8);
        Root root = SignedMetadata.parseRoot(c.file("root.json")).signed();
        for (String method : List.of("ecdsa", "eddsa", "rsapss", "rsapkcs1v15", "hmac-sha256")) {
            String swapped = raw.replaceAll("\"method\":\"[^\"]+\"", "\"method\":\"" + method + "\"");
            String keyType = root.keys().get(root.roles().get("timestamp").keyIdList().get(0)).keyType();
            boolean genuine = (keyType.equals("ecdsa") && method.equals("ecdsa"))
                    || (keyType.equals("ed25519") && method.equals("eddsa"));
            var verification = (Runnable) () -> ThresholdVerifier.verify(SignedEnvelope.parse(bytes(swapped), "timestamp"),
                    VerificationRole.fromRoot(root, "timestamp"));
            if (genuine) {
                verification.run();
            } else {
                assertThatThrownBy(verification::run).as("method %s on a %s key", method, keyType)
                        .isInstanceOf(ThresholdNotMetException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void duplicateSignaturesFromOneKeyCountOnce(Case c) {
        String raw = new String(c.file("targets.json"), StandardCharsets.UTF_8);
        int open = raw.indexOf("[", raw.indexOf(",\"signatures\":"));
        String signature = raw.substring(open + 1, raw.indexOf("}", open) + 1);
        String doubled = raw.substring(0, open + 1) + signature + "," + signature + "," + raw.substring(open + 1);
        Root root = SignedMetadata.parseRoot(c.file("root.json")).signed();
        VerificationRole oneKeyTwice = new VerificationRole("targets", VerificationRole.fromRoot(root, "targets").keys(), 2);
        assertThatThrownBy(() -> ThresholdVerifier.verify(SignedEnvelope.parse(bytes(doubled), "targets"), oneKeyTwice))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> assertThat(e.validCount()).isEqualTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anExpiredRootCertificateIsRefused(Case c) {
        Root root = SignedMetadata.parseRoot(c.file("root.json")).signed();
        Instant afterTheCertificates = WHEN_MADE.plusSeconds(11L * 365 * 24 * 3600);
        var selection = Certificates.rootKeysOfNewRoot(keysOf(root, root.roles().get("root")), c.gun(), afterTheCertificates);
        assertThat(selection.keys()).isEmpty();
        assertThat(selection.rejected().values()).extracting(CertificateRuleException::rule)
                .containsOnly(CertificateRuleException.Rule.EXPIRED);
    }

    private static Root verifiedRoot(Case c, byte[] raw) {
        SignedMetadata<Root> parsed = SignedMetadata.parseRoot(raw);
        Root root = parsed.signed();
        Role rootRole = root.roles().get("root");
        var selection = Certificates.rootKeysOfNewRoot(keysOf(root, rootRole), c.gun(), WHEN_MADE);
        assertThat(selection.rejected()).isEmpty();
        assertThat(ThresholdVerifier.verify(parsed.envelope(),
                new VerificationRole("root", byId(selection.keys()), rootRole.threshold()))).isNotEmpty();
        assertThat(parsed.reserialize()).isEqualTo(raw);
        return root;
    }

    private static <T extends dev.notary4j.tuf.model.SignedBody> T verifyAgainstRoot(byte[] raw, String role, Root root,
                                                                                    Class<T> type) {
        SignedMetadata<?> parsed = SignedMetadata.parse(raw, role);
        assertThat(ThresholdVerifier.verify(parsed.envelope(), VerificationRole.fromRoot(root, role))).isNotEmpty();
        assertThat(parsed.reserialize()).as("%s re-serialised", role).isEqualTo(raw);
        return type.cast(parsed.signed());
    }

    private static List<String> delegationsOf(Case c) {
        Path dir = c.dir().resolve("targets");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> c.dir().relativize(p).toString().replace('\\', '/').replaceAll("\\.json$", ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TufKey> keysOf(Root root, Role role) {
        return role.keyIdList().stream().map(id -> root.keys().get(id)).toList();
    }

    private static Map<String, TufKey> byId(List<TufKey> keys) {
        return keys.stream().collect(Collectors.toMap(TufKey::id, k -> k, (a, b) -> a));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
