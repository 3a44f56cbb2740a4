package dev.notary4j.signer.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.notary4j.common.db.DatabaseSettings;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.signer.SignerApplication;
import dev.notary4j.signer.config.ListenAddress;
import dev.notary4j.signer.config.SignerConfig;
import dev.notary4j.signer.proto.CreateKeyRequest;
import dev.notary4j.signer.proto.GetKeyInfoResponse;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.KeyManagementGrpc;
import dev.notary4j.signer.proto.PublicKey;
import dev.notary4j.signer.proto.Signature;
import dev.notary4j.signer.proto.SignatureRequest;
import dev.notary4j.signer.proto.SignerGrpc;
import dev.notary4j.testkit.TestPki;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.SignatureVerifier;
import dev.notary4j.tuf.crypto.TufKey;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signer over mutual TLS on a free loopback port, called as notary-server calls it. */
class SignerGrpcServerTest {

    @TempDir
    static Path tempDir;
    private static TestPki pki;
    private static SignerApplication signer;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() {
        pki = TestPki.generate(tempDir.resolve("pki"));
        SignerConfig config = new SignerConfig(new ListenAddress("127.0.0.1", 0), pki.signerCert(), pki.signerKey(),
                Optional.of(pki.rootCaCert()), new DatabaseSettings(StorageBackend.MEMORY, null, "signer", true, 4),
                Optional.of("alias1"), "error");
        signer = SignerApplication.start(config, Map.of("NOTARY_SIGNER_ALIAS1", "grpc test passphrase"));
        channel = SignerClients.channel(signer.port(), pki.rootCaCert(), pki.signerClientCert(), pki.signerClientKey());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        signer.close();
    }

    private static KeyManagementGrpc.KeyManagementBlockingStub keys() {
        return KeyManagementGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static SignerGrpc.SignerBlockingStub signing() {
        return SignerGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static PublicKey create(String algorithm, String gun, String role) {
        return keys().createKey(CreateKeyRequest.newBuilder().setAlgorithm(algorithm).setGun(gun).setRole(role).build());
    }

    private static KeyID id(String keyId) {
        return KeyID.newBuilder().setID(keyId).build();
    }

    private static Signature sign(String keyId, byte[] content) {
        return signing().sign(SignatureRequest.newBuilder().setKeyID(id(keyId)).setContent(ByteString.copyFrom(content)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa", "ed25519"})
    void createGetSignDelete(String algorithm) {
        PublicKey created = create(algorithm, "docker.io/library/" + algorithm, "timestamp");
        byte[] publicBytes = created.getPublicKey().toByteArray();
        TufKey serverView = new TufKey(KeyAlgorithm.fromWireName(algorithm).orElseThrow(), publicBytes);
        // notary-server recomputes the ID from (algorithm, public bytes); ours must be the same.
        assertThat(created.getKeyInfo().getKeyID().getID()).isEqualTo(serverView.id());
        assertThat(created.getKeyInfo().getAlgorithm().getAlgorithm()).isEqualTo(algorithm);
        if (algorithm.equals("ecdsa")) {
            assertThat(publicBytes).hasSize(91);
            assertThat(Arrays.copyOf(publicBytes, 13)).containsExactly(
                    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01);
        } else {
            assertThat(publicBytes).hasSize(32);
        }

        GetKeyInfoResponse info = keys().getKeyInfo(id(serverView.id()));
        assertThat(info.getPublicKey().toByteArray()).isEqualTo(publicBytes);
        assertThat(info.getRole()).isEqualTo("timestamp");
        assertThat(info.getKeyInfo().getKeyID().getID()).isEqualTo(serverView.id());

        byte[] content = "{\"signed\":{\"_type\":\"Timestamp\"}}".getBytes(StandardCharsets.UTF_8);
        Signature signature = sign(serverView.id(), content);
        String method = algorithm.equals("ecdsa") ? "ecdsa" : "eddsa";
        assertThat(signature.getAlgorithm().getAlgorithm()).isEqualTo(method);
        assertThat(signature.getKeyInfo().getAlgorithm().getAlgorithm()).isEqualTo(algorithm);
        assertThat(signature.getContent().size()).isEqualTo(64);
        assertThat(SignatureVerifier.verify(serverView, method, content, signature.getContent().toByteArray())).isTrue();
        assertThat(SignatureVerifier.verify(serverView, method, "other".getBytes(StandardCharsets.UTF_8),
                signature.getContent().toByteArray())).isFalse();

        keys().deleteKey(id(serverView.id()));
        assertNotFound(() -> keys().getKeyInfo(id(serverView.id())), "key " + serverView.id() + " not found");
        assertNotFound(() -> sign(serverView.id(), content), "signing key not found: " + serverView.id());
    }

    @Test
    void createKeyHandsOutThePendingKeyUntilItSigns() {
        PublicKey first = create("ecdsa", "example.com/pending", "snapshot");
        PublicKey again = create("ecdsa", "example.com/pending", "snapshot");
        assertThat(again.getKeyInfo().getKeyID().getID()).isEqualTo(first.getKeyInfo().getKeyID().getID());
        assertThat(create("ecdsa", "example.com/pending", "timestamp").getKeyInfo().getKeyID().getID())
                .isNotEqualTo(first.getKeyInfo().getKeyID().getID());
        assertThat(create("ed25519", "example.com/pending", "snapshot").getKeyInfo().getKeyID().getID())
                .isNotEqualTo(first.getKeyInfo().getKeyID().getID());

        keys().getKeyInfo(id(first.getKeyInfo().getKeyID().getID())); // does not activate
        assertThat(create("ecdsa", "example.com/pending", "snapshot").getKeyInfo().getKeyID().getID())
                .isEqualTo(first.getKeyInfo().getKeyID().getID());

        sign(first.getKeyInfo().getKeyID().getID(), new byte[] {1}); // activates
        assertThat(create("ecdsa", "example.com/pending", "snapshot").getKeyInfo().getKeyID().getID())
                .isNotEqualTo(first.getKeyInfo().getKeyID().getID());
    }

    @Test
    void unknownKeysAreNotFoundAndDeletingThemSucceeds() {
        String unknown = "0".repeat(64);
        assertNotFound(() -> keys().getKeyInfo(id(unknown)), "key " + unknown + " not found");
        assertNotFound(() -> sign(unknown, new byte[] {1}), "signing key not found: " + unknown);
        assertThat(keys().deleteKey(id(unknown))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ecdsa-x509", "", "ECDSA"})
    void unsupportedAlgorithmsAreUnknownErrors(String algorithm) {
        assertThatThrownBy(() -> create(algorithm, "gun", "timestamp"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
                    assertThat(e.getStatus().getDescription()).isEqualTo("algorithm " + algorithm + " not supported for create key");
                });
    }

    @Test
    void healthServesTheNamesNotaryServerChecks() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        for (String service : new String[] {"", "grpc.health.v1.Health.KeyManagement", "grpc.health.v1.Health.Signer"}) {
            assertThat(health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus())
                    .isEqualTo(ServingStatus.SERVING);
        }
        assertThatThrownBy(() -> health.check(HealthCheckRequest.newBuilder().setService("grpc.health.v1.Health.Overall").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void oversizedRequestsAreRefused() {
        String keyId = create("ed25519", "example.com/big", "timestamp").getKeyInfo().getKeyID().getID();
        assertThat(sign(keyId, new byte[SignerGrpcServer.MAX_REQUEST_BYTES - 1024]).getContent().size()).isEqualTo(64);
        assertThatThrownBy(() -> sign(keyId, new byte[SignerGrpcServer.MAX_REQUEST_BYTES + 1]))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    }

    @Test
    void tls12ClientsWithGoServerSuitesAreServed() throws InterruptedException {
        ManagedChannel tls12 = SignerClients.goServerLikeChannel(signer.port(), pki.rootCaCert(), pki.signerClientCert(),
                pki.signerClientKey());
        try {
            PublicKey key = KeyManagementGrpc.newBlockingStub(tls12).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .createKey(CreateKeyRequest.newBuilder().setAlgorithm("ecdsa").setGun("tls12").setRole("timestamp").build());
            assertThat(key.getPublicKey().size()).isEqualTo(91);
        } finally {
            tls12.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientsWithoutACertificateAreRefused() throws InterruptedException {
        ManagedChannel anonymous = SignerClients.channel(signer.port(), pki.rootCaCert(), null, null);
        try {
            assertRefused(anonymous);
        } finally {
            anonymous.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientsWithAnUntrustedCertificateAreRefused() throws InterruptedException {
        TestPki stranger = TestPki.generate(tempDir.resolve("stranger-pki"));
        ManagedChannel untrusted = SignerClients.channel(signer.port(), pki.rootCaCert(), stranger.signerClientCert(),
                stranger.signerClientKey());
        try {
            assertRefused(untrusted);
        } finally {
            untrusted.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void assertRefused(ManagedChannel refusedChannel) {
        assertThatThrownBy(() -> KeyManagementGrpc.newBlockingStub(refusedChannel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .createKey(CreateKeyRequest.newBuilder().setAlgorithm("ecdsa").setGun("intruder").setRole("timestamp").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    private static void assertNotFound(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(e.getStatus().getDescription()).isEqualTo(message);
        });
    }
}
