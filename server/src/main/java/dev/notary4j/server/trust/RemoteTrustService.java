package dev.notary4j.server.trust;

import com.google.protobuf.ByteString;
import dev.notary4j.common.tls.PemFiles;
import dev.notary4j.server.config.TrustServiceSettings;
import dev.notary4j.tuf.model.Signature;
import dev.notary4j.signer.proto.CreateKeyRequest;
import dev.notary4j.signer.proto.GetKeyInfoResponse;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.KeyManagementGrpc;
import dev.notary4j.signer.proto.SignatureRequest;
import dev.notary4j.signer.proto.SignerGrpc;
import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * {@code trust_service.type = remote}: a notary-signer (ours or Go's) over gRPC with mutual TLS, services
 * {@code proto.KeyManagement} and {@code proto.Signer}; health through {@code grpc.health.v1.Health}.
 */
public final class RemoteTrustService implements TrustService {

    private static final long CALL_TIMEOUT_SECONDS = 30;
    private static final long HEALTH_TIMEOUT_SECONDS = 10;
    private static final long RECONNECT_WAIT_MILLIS = 2000;
    private static final String[] HEALTH_SERVICES = {
        "grpc.health.v1.Health.KeyManagement", "grpc.health.v1.Health.Signer"};

    private final ManagedChannel channel;

    private RemoteTrustService(ManagedChannel channel) {
        this.channel = channel;
    }

    /** Connects lazily: a signer that is down fails calls (and the health check), not the start-up. */
    public static RemoteTrustService connect(TrustServiceSettings settings) {
        SslContextBuilder tls = GrpcSslContexts.forClient();
        settings.caFile().ifPresent(ca -> tls.trustManager(PemFiles.trustManagers(ca)));
        if (settings.clientCert().isPresent()) {
            tls.keyManager(PemFiles.keyManagers(settings.clientCert().get(), settings.clientKey().orElseThrow()));
        }
        try {
            return new RemoteTrustService(NettyChannelBuilder.forAddress(settings.hostname(), settings.port())
                    .sslContext(tls.protocols("TLSv1.3", "TLSv1.2").build())
                    .build());
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS to the trust service: " + e.getMessage(), e);
        }
    }

    @Override
    public PublicKeyInfo createKey(String gun, String role, String algorithm) throws TrustServiceException {
        try {
            var key = keyManagement().createKey(CreateKeyRequest.newBuilder()
                    .setAlgorithm(algorithm).setGun(gun).setRole(role).build());
            return new PublicKeyInfo(key.getKeyInfo().getAlgorithm().getAlgorithm(), key.getPublicKey().toByteArray());
        } catch (StatusRuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<PublicKeyInfo> publicKey(String keyId) throws TrustServiceException {
        try {
            GetKeyInfoResponse info = keyManagement().getKeyInfo(KeyID.newBuilder().setID(keyId).build());
            return Optional.of(new PublicKeyInfo(info.getKeyInfo().getAlgorithm().getAlgorithm(),
                    info.getPublicKey().toByteArray()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    @Override
    public Signature sign(String keyId, byte[] data) throws TrustServiceException {
        try {
            var signature = SignerGrpc.newBlockingStub(channel()).withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .sign(SignatureRequest.newBuilder().setKeyID(KeyID.newBuilder().setID(keyId))
                            .setContent(ByteString.copyFrom(data)).build());
            return new Signature(keyId, signature.getAlgorithm().getAlgorithm(), signature.getContent().toByteArray());
        } catch (StatusRuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public void checkHealth() throws TrustServiceException {
        for (String service : HEALTH_SERVICES) {
            try {
                HealthCheckResponse response = HealthGrpc.newBlockingStub(channel())
                        .withDeadlineAfter(HEALTH_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService(service).build());
                if (response.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
                    throw new TrustServiceException("Trust is not healthy: " + service + " is " + response.getStatus());
                }
            } catch (StatusRuntimeException e) {
                throw failure(e);
            }
        }
    }

    private KeyManagementGrpc.KeyManagementBlockingStub keyManagement() {
        return KeyManagementGrpc.newBlockingStub(channel()).withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * The channel, reconnected at once if the last connection attempt failed: gRPC otherwise waits out its
     * exponential backoff (up to two minutes) and fails every call meanwhile, long after the signer is back. While
     * it reconnects the channel still fails calls fast, so wait (briefly) for the new connection with one probe.
     */
    private Channel channel() {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
            try {
                HealthGrpc.newBlockingStub(channel).withWaitForReady()
                        .withDeadlineAfter(RECONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                        .check(HealthCheckRequest.newBuilder().setService(HEALTH_SERVICES[1]).build());
            } catch (StatusRuntimeException stillDown) {
                // the call that follows fails with the channel's own status
            }
        }
        return channel;
    }

    private static TrustServiceException failure(StatusRuntimeException e) {
        // Go's wording of a gRPC failure; clients see it in ErrValidation messages.
        Status.Code code = e.getStatus().getCode();
        String message = "rpc error: code = " + goCodeName(code) + " desc = " + e.getStatus().getDescription();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                ? new TrustServiceUnavailableException(message, e) : new TrustServiceException(message, e);
    }

    /** grpc-go spells codes in CamelCase (NotFound, DeadlineExceeded). */
    private static String goCodeName(Status.Code code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return code == Status.Code.OK ? "OK" : name.toString();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
