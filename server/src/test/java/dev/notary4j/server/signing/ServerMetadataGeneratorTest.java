package dev.notary4j.server.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.notary4j.server.config.TrustServiceSettings;
import dev.notary4j.server.trust.LocalTrustService;
import dev.notary4j.server.trust.PublicKeyInfo;
import dev.notary4j.server.trust.RemoteTrustService;
import dev.notary4j.server.trust.TrustService;
import dev.notary4j.server.trust.TrustServiceException;
import dev.notary4j.testkit.FreePorts;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.tuf.model.SignedMetadata;
import dev.notary4j.tuf.model.Snapshot;
import dev.notary4j.tuf.model.Timestamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerMetadataGeneratorTest {

    private final LocalTrustService trust = new LocalTrustService();
    private final ServerMetadataGenerator generator = new ServerMetadataGenerator(trust);
    private final Instant now = Instant.parse("2026-11-23T10:00:00.123456789Z");

    private byte[] root(PublicKeyInfo snapshotKey, PublicKeyInfo timestampKey) {
        TufPrivateKey clientKey = TufPrivateKey.generate(KeyAlgorithm.ED25519);
        TufKey snapshot = new TufKey(snapshotKey.keyType(), snapshotKey.publicKey());
        TufKey timestamp = new TufKey(timestampKey.keyType(), timestampKey.publicKey());
        Root body = new Root(now.plus(Duration.ofDays(3650)).atOffset(ZoneOffset.UTC), 1,
                Map.of(clientKey.id(), clientKey.publicKey(), snapshotKey.keyId(), snapshot, timestampKey.keyId(), timestamp),
                Map.of("root", new Role(List.of(clientKey.id()), 1), "targets", new Role(List.of(clientKey.id()), 1),
                        "snapshot", new Role(List.of(snapshotKey.keyId()), 1),
                        "timestamp", new Role(List.of(timestampKey.keyId()), 1)), false);
        return SignedMetadata.sign(body, List.of(MetadataSigner.of(clientKey))).raw();
    }

    @Test
    void generatesSignedSnapshotAndTimestampOverTheExactBytes() throws Exception {
        PublicKeyInfo snapshotKey = trust.createKey("gun", "snapshot", "ed25519");
        PublicKeyInfo timestampKey = trust.createKey("gun", "timestamp", "ed25519");
        byte[] root = root(snapshotKey, timestampKey);
        byte[] targets = "{\"signed\":{\"_type\":\"Targets\"}, \"extra\": \"bytes as uploaded\"}".getBytes(StandardCharsets.UTF_8);

        GeneratedFile snapshotFile = generator.snapshot(root, Optional.empty(), Map.of("root", root, "targets", targets), now);
        SignedMetadata<Snapshot> snapshot = SignedMetadata.parseSnapshot(snapshotFile.data());
        assertThat(snapshot.signed().version()).isEqualTo(1);
        assertThat(snapshot.signed().expires().toInstant()).isEqualTo(now.plus(Duration.ofDays(1095)));
        assertThat(snapshot.signed().meta().get("targets")).isEqualTo(FileMeta.of(targets));
        assertThat(snapshot.signed().meta().get("root")).isEqualTo(FileMeta.of(root));
        assertSignedBy(snapshot, snapshotKey);

        GeneratedFile timestampFile = generator.timestamp(root, Optional.empty(), snapshotFile.data(), now);
        SignedMetadata<Timestamp> timestamp = SignedMetadata.parseTimestamp(timestampFile.data());
        assertThat(timestamp.signed().version()).isEqualTo(1);
        assertThat(timestamp.signed().expires().toInstant()).isEqualTo(now.plus(Duration.ofDays(14)));
        assertThat(timestamp.signed().snapshotMeta()).isEqualTo(FileMeta.of(snapshotFile.data()));
        assertSignedBy(timestamp, timestampKey);

        // Next generation: versions + 1, entries not refreshed are kept.
        byte[] newTargets = "{\"signed\":{\"_type\":\"Targets\",\"version\":2}}".getBytes(StandardCharsets.UTF_8);
        SignedMetadata<Snapshot> next = SignedMetadata.parseSnapshot(generator.snapshot(root,
                Optional.of(snapshotFile.data()), Map.of("targets", newTargets), now).data());
        assertThat(next.signed().version()).isEqualTo(2);
        assertThat(next.signed().meta().get("root")).isEqualTo(FileMeta.of(root));
        assertThat(next.signed().meta().get("targets")).isEqualTo(FileMeta.of(newTargets));
        assertThat(generator.timestamp(root, Optional.of(timestampFile.data()), next.raw(), now).version()).isEqualTo(2);
    }

    @Test
    void refusesWhenTheTrustServiceHoldsNoKeyOfTheRole() throws Exception {
        PublicKeyInfo foreign = new LocalTrustService().createKey("gun", "snapshot", "ed25519");
        PublicKeyInfo timestampKey = trust.createKey("gun", "timestamp", "ed25519");
        byte[] root = root(foreign, timestampKey);
        assertThatThrownBy(() -> generator.snapshot(root, Optional.empty(), Map.of("root", root, "targets", root), now))
                .isInstanceOfSatisfying(MissingServerKeyException.class, e -> assertThat(e.role()).isEqualTo("snapshot"));
        assertThatThrownBy(() -> generator.snapshot(root, Optional.empty(), Map.of("root", root), now))
                .isInstanceOf(GenerationException.class).hasMessage("targets role has not been loaded");
    }

    @Test
    void aSignerThatCannotBeReachedIsAnOutageNotAGenerationFailure(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.generate(dir);
        byte[] root = root(trust.createKey("gun", "snapshot", "ed25519"), trust.createKey("gun", "timestamp", "ed25519"));
        TrustServiceSettings down = new TrustServiceSettings(TrustServiceSettings.Type.REMOTE, "localhost",
                FreePorts.pick(), Optional.of("ecdsa"), Optional.of(pki.rootCaCert()),
                Optional.of(pki.signerClientCert()), Optional.of(pki.signerClientKey()));
        try (RemoteTrustService remote = RemoteTrustService.connect(down)) {
            assertThatThrownBy(() -> new ServerMetadataGenerator(remote).timestamp(root, Optional.empty(), root, now))
                    .isInstanceOf(SignerUnavailableException.class).hasMessageContaining("code = Unavailable");
        }
    }

    @Test
    void aHeldKeyIsLookedUpOnceAndAgainWhenTheTrustServiceNoLongerHasIt() throws Exception {
        ForgetfulTrust forgetful = new ForgetfulTrust(trust);
        ServerMetadataGenerator generating = new ServerMetadataGenerator(forgetful);
        byte[] root = root(trust.createKey("gun", "snapshot", "ed25519"), trust.createKey("gun", "timestamp", "ed25519"));
        byte[] snapshot = generating.snapshot(root, Optional.empty(), Map.of("root", root, "targets", root), now).data();
        generating.timestamp(root, Optional.empty(), snapshot, now);
        generating.timestamp(root, Optional.empty(), snapshot, now);
        assertThat(forgetful.lookups).as("one lookup per key, not per signing").isEqualTo(2);

        forgetful.forgotten = true;
        assertThatThrownBy(() -> generating.timestamp(root, Optional.empty(), snapshot, now))
                .isInstanceOf(MissingServerKeyException.class);
        assertThat(forgetful.lookups).isEqualTo(3);
    }

    /** The local trust service, counting key lookups, that can lose every key. */
    private static final class ForgetfulTrust implements TrustService {
        private final LocalTrustService keys;
        int lookups;
        boolean forgotten;

        ForgetfulTrust(LocalTrustService keys) {
            this.keys = keys;
        }

        @Override
        public PublicKeyInfo createKey(String gun, String role, String algorithm) throws TrustServiceException {
            return keys.createKey(gun, role, algorithm);
        }

        @Override
        public Optional<PublicKeyInfo> publicKey(String keyId) throws TrustServiceException {
            lookups++;
            return forgotten ? Optional.empty() : keys.publicKey(keyId);
        }

        @Override
        public Signature sign(String keyId, byte[] data) throws TrustServiceException {
            if (forgotten) {
                throw new TrustServiceException("rpc error: code = NotFound desc = key " + keyId + " not found");
            }
            return keys.sign(keyId, data);
        }

        @Override
        public void checkHealth() {
        }

        @Override
        public void close() {
        }
    }

    private static void assertSignedBy(SignedMetadata<?> metadata, PublicKeyInfo key) {
        assertThat(metadata.signatures()).singleElement().satisfies((Signature signature) -> {
            assertThat(signature.keyId()).isEqualTo(key.keyId());
            assertThat(signature.method()).isEqualTo("eddsa");
            assertThat(SignatureVerifier.verify(new TufKey(key.keyType(), key.publicKey()), signature.method(),
                    metadata.canonicalSigned(), signature.sig())).isTrue();
        });
    }
}
