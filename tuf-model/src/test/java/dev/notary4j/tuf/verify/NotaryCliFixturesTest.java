package dev.notary4j.tuf.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.crypto.Hashes;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedBody;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Targets;
import dev.notary4j.tuf.model.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files the Go notary 0.7.0 CLI and server wrote (model-vectors/notary-cli/README.md). */
class NotaryCliFixturesTest {
    private static final Instant BEFORE_EXPIRY = Instant.parse("2026-11-24T00:00:00Z");

    static byte[] file(String name) {
        try (InputStream in = NotaryCliFixturesTest.class.getResourceAsStream("/model-vectors/notary-cli/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> files() {
        return Stream.of("vectors", "removed", "nokeys").flatMap(repo -> Stream.concat(
                Stream.of(RoleName.ROOT, RoleName.TARGETS, RoleName.SNAPSHOT, RoleName.TIMESTAMP)
                        .map(role -> Arguments.of(repo, role, repo + "-" + role + ".json")),
                repo.equals("vectors") ? Stream.of(Arguments.of(repo, "targets/releases",
                        "vectors-targets-releases.json")) : Stream.empty()));
    }

    private static Root root(String repo) {
        return SignedMetadata.parseRoot(file(repo + "-root.json")).signed();
    }

    private static VerificationRole roleFor(String repo, String role) {
        if (RoleName.isDelegation(role)) {
            Targets parent = SignedMetadata.parseTargets(file(repo + "-targets.json"), RoleName.TARGETS).signed();
            return VerificationRole.fromDelegation(parent, role);
        }
        return VerificationRole.fromRoot(root(repo), role);
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("files")
    void parsesVerifiesAndReserialisesByteForByte(String repo, String role, String name) {
        byte[] raw = file(name);
        SignedMetadata<SignedBody> parsed = SignedMetadata.parse(raw, role);
        assertThat(parsed.raw()).isEqualTo(raw);
        assertThat(new String(parsed.reserialize(), StandardCharsets.UTF_8))
                .isEqualTo(new String(raw, StandardCharsets.UTF_8));
        assertThat(ThresholdVerifier.verify(parsed.envelope(), roleFor(repo, role))).hasSize(1);
        assertThatCode(() -> Freshness.checkNotExpired(role, parsed.signed(), BEFORE_EXPIRY))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void snapshotAndTimestampRecordTheExactFiles(String repo, String role, String name) {
        if (role.equals(RoleName.SNAPSHOT) || role.equals(RoleName.TIMESTAMP)) {
            return;
        }
        Snapshot snapshot = SignedMetadata.parseSnapshot(file(repo + "-snapshot.json")).signed();
        assertThat(snapshot.meta()).containsKey(role);
        assertThatCode(() -> Hashes.check(snapshot.meta().get(role).hashes(), file(name)))
                .doesNotThrowAnyException();
        assertThat(snapshot.meta().get(role).length()).isEqualTo(file(name).length);
        Timestamp timestamp = SignedMetadata.parseTimestamp(file(repo + "-timestamp.json")).signed();
        assertThatCode(() -> Hashes.check(timestamp.snapshotMeta().hashes(), file(repo + "-snapshot.json")))
                .doesNotThrowAnyException();
    }

    @Test
    void signedBytesAreTheUnescapedCanonicalForm() {
        SignedMetadata<Targets> targets = SignedMetadata.parseTargets(file("vectors-targets.json"), "targets");
        String canonical = new String(targets.canonicalSigned(), StandardCharsets.UTF_8);
        String raw = new String(targets.raw(), StandardCharsets.UTF_8);
        assertThat(canonical).contains("\"a<b>&c\"").contains("\"quote\\\"back\\\\slash\"")
                .contains("\"caf\\\\u00e9-ünïcödé-☃\"").contains("\"custom\":{\"a\":1,\"b\":[true,null,\"x\"]}");
        assertThat(raw).contains("\"a\\u003cb\\u003e\\u0026c\"").doesNotContain("a<b");
        assertThat(targets.signed().targets()).containsKeys("a<b>&c", "quote\"back\\slash",
                "caf\\u00e9-ünïcödé-☃", "with-custom");
        assertThat(targets.signed().delegations().roleList()).singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("targets/releases"));
    }

    @Test
    void removedDelegationLeavesRolesNull() {
        Targets targets = SignedMetadata.parseTargets(file("removed-targets.json"), "targets").signed();
        assertThat(targets.delegations().roles()).isNull();
        assertThat(targets.delegations().keys()).isEmpty();
    }

    @Test
    void delegationWithoutKeysKeepsKeyIdsNull() {
        Targets targets = SignedMetadata.parseTargets(file("nokeys-targets.json"), "targets").signed();
        assertThat(targets.delegations().roleList()).singleElement().satisfies(r -> {
            assertThat(r.keyIds()).isNull();
            assertThat(r.paths()).containsExactly("");
        });
    }

    private static SignedEnvelope tampered(String name, String from, String to) {
        String text = new String(file(name), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return SignedEnvelope.parse(text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneChangedByteInSignedFails() {
        SignedEnvelope changed = tampered("vectors-targets.json", "\"length\":12}", "\"length\":13}");
        assertThatThrownBy(() -> ThresholdVerifier.verify(changed, roleFor("vectors", "targets")))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> {
                    assertThat(e.role()).isEqualTo("targets");
                    assertThat(e.threshold()).isEqualTo(1);
                    assertThat(e.validCount()).isZero();
                })
                .hasMessage("valid signatures did not meet threshold for targets");
    }

    @Test
    void signatureFromAnotherRolesKeyDoesNotCount() {
        SignedMetadata<Snapshot> snapshot = SignedMetadata.parseSnapshot(file("vectors-snapshot.json"));
        String sigs = new String(file("vectors-snapshot.json"), StandardCharsets.UTF_8).replaceAll(
                "(?s).*(,\"signatures\":\\[.*\\]})$", "$1");
        String targets = new String(file("vectors-targets.json"), StandardCharsets.UTF_8)
                .replaceAll("(?s),\"signatures\":\\[.*\\]}$", java.util.regex.Matcher.quoteReplacement(sigs));
        SignedEnvelope swapped = SignedEnvelope.parse(targets.getBytes(StandardCharsets.UTF_8));
        assertThat(swapped.signatures()).isEqualTo(snapshot.signatures());
        assertThatThrownBy(() -> ThresholdVerifier.verify(swapped, roleFor("vectors", "targets")))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> assertThat(e.validCount()).isZero());
        // and the snapshot key cannot vouch for the targets content either
        assertThatThrownBy(() -> ThresholdVerifier.verify(swapped, roleFor("vectors", "snapshot")))
                .isInstanceOf(ThresholdNotMetException.class);
    }

    @Test
    void duplicatedSignatureCountsOnce() {
        SignedMetadata<Targets> targets = SignedMetadata.parseTargets(file("vectors-targets.json"), "targets");
        String sig = new String(file("vectors-targets.json"), StandardCharsets.UTF_8)
                .replaceAll("(?s).*,\"signatures\":\\[(.*)\\]}$", "$1");
        SignedEnvelope doubled = tampered("vectors-targets.json", sig, sig + "," + sig);
        assertThat(doubled.signatures()).hasSize(2);
        VerificationRole needsTwo = new VerificationRole("targets", roleFor("vectors", "targets").keys(), 2);
        assertThatThrownBy(() -> ThresholdVerifier.verify(doubled, needsTwo))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> {
                    assertThat(e.threshold()).isEqualTo(2);
                    assertThat(e.validCount()).isEqualTo(1);
                });
        assertThat(ThresholdVerifier.verify(targets.envelope(), roleFor("vectors", "targets"))).hasSize(1);
    }

    @Test
    void unknownMethodDoesNotCountButCaseDoesNotMatter() {
        SignedEnvelope unknown = tampered("vectors-targets.json", "\"method\":\"ecdsa\"", "\"method\":\"ecdsa2\"");
        assertThatThrownBy(() -> ThresholdVerifier.verify(unknown, roleFor("vectors", "targets")))
                .isInstanceOfSatisfying(ThresholdNotMetException.class, e -> assertThat(e.validCount()).isZero());
        SignedEnvelope upper = tampered("vectors-targets.json", "\"method\":\"ecdsa\"", "\"method\":\"ECDSA\"");
        assertThat(upper.signatures().get(0).method()).isEqualTo("ecdsa");
        assertThat(ThresholdVerifier.verify(upper, roleFor("vectors", "targets"))).hasSize(1);
    }

    @Test
    void keyListedUnderAForeignIdIsRejected() {
        SignedMetadata<Targets> targets = SignedMetadata.parseTargets(file("vectors-targets.json"), "targets");
        String signer = targets.signatures().get(0).keyId();
        TufKey snapshotKey = roleFor("vectors", "snapshot").keys().values().iterator().next();
        VerificationRole lying = new VerificationRole("targets", Map.of(signer, snapshotKey), 1);
        assertThatThrownBy(() -> ThresholdVerifier.verify(targets.envelope(), lying))
                .isInstanceOf(KeyIdMismatchException.class).hasMessage("key ID is not valid for key content");
    }

    @Test
    void expiryUsesTheInjectedClock() {
        SignedMetadata<Timestamp> timestamp = SignedMetadata.parseTimestamp(file("vectors-timestamp.json"));
        Instant expiry = timestamp.signed().expires().toInstant();
        assertThatCode(() -> Freshness.checkNotExpired("timestamp", timestamp.signed(), expiry))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Freshness.checkNotExpired("timestamp", timestamp.signed(), expiry.plusSeconds(1)))
                .isInstanceOf(ExpiredException.class).hasMessageStartingWith("timestamp expired at ");
    }
}
