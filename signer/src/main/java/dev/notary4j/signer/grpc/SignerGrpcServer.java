package dev.notary4j.signer.grpc;

import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.tls.PemFiles;
import dev.notary4j.signer.keys.KeyService;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The gRPC listener: {@code proto.KeyManagement}, {@code proto.Signer} and {@code grpc.health.v1.Health}, over
 * TLS 1.2+ only, with client certificates required and verified whenever a client CA file is configured.
 */
public final class SignerGrpcServer implements AutoCloseable {

    /** Go's gRPC default receive limit; notary-server's largest request is a snapshot's signed bytes. */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** The non-standard health service names notary-server checks (signer spec §2.2). */
    public static final String KEY_MANAGEMENT_HEALTH = "grpc.health.v1.Health.KeyManagement";
    public static final String SIGNER_HEALTH = "grpc.health.v1.Health.Signer";

    /** Go's TLS 1.2 suites minus the CBC ones HTTP/2 forbids, and the TLS 1.3 suites. */
    private static final List<String> CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    /** The TLS files of {@code server.*}. */
    public record Tls(Path cert, Path key, Optional<Path> clientCa) {
    }

    private final Server server;

    private SignerGrpcServer(Server server) {
        this.server = server;
    }

    public static SignerGrpcServer start(InetSocketAddress address, Tls tls, KeyService keys) {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus(KEY_MANAGEMENT_HEALTH, ServingStatus.SERVING);
        health.setStatus(SIGNER_HEALTH, ServingStatus.SERVING);
        Server server = NettyServerBuilder.forAddress(address)
                .sslContext(sslContext(tls))
                .maxInboundMessageSize(MAX_REQUEST_BYTES)
                .addService(new KeyManagementEndpoint(keys))
                .addService(new SignerEndpoint(keys))
                .addService(health.getHealthService())
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        return new SignerGrpcServer(server);
    }

    static SslContext sslContext(Tls tls) {
        SslContextBuilder builder = SslContextBuilder.forServer(PemFiles.keyManagers(tls.cert(), tls.key()));
        tls.clientCa().ifPresent(ca -> builder.trustManager(PemFiles.trustManagers(ca)).clientAuth(ClientAuth.REQUIRE));
        try {
            return GrpcSslContexts.configure(builder, SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .ciphers(CIPHERS)
                    .build();
        } catch (SSLException e) {
            throw new ConfigException("cannot set up TLS with " + tls.cert() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
