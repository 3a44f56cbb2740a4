package dev.notary4j.signer.grpc;

import dev.notary4j.common.tls.PemFiles;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;

/** gRPC channels to a signer on loopback, as notary-server dials it (TLS, server name "localhost"). */
public final class SignerClients {

    private SignerClients() {
    }

    /** @param clientCert null for a client without a certificate */
    public static ManagedChannel channel(int port, Path caCert, Path clientCert, Path clientKey) {
        return channel(port, caCert, clientCert, clientKey, GrpcSslContexts.forClient());
    }

    /** As notary-server 0.7 configures its client: TLS 1.2 and ECDHE-GCM suites only. */
    public static ManagedChannel goServerLikeChannel(int port, Path caCert, Path clientCert, Path clientKey) {
        return channel(port, caCert, clientCert, clientKey, GrpcSslContexts.forClient().protocols("TLSv1.2")
                .ciphers(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")));
    }

    private static ManagedChannel channel(int port, Path caCert, Path clientCert, Path clientKey, SslContextBuilder tls) {
        tls.trustManager(PemFiles.trustManagers(caCert));
        if (clientCert != null) {
            tls.keyManager(PemFiles.keyManagers(clientCert, clientKey));
        }
        try {
            return NettyChannelBuilder.forAddress("localhost", port)
                    .sslContext(tls.build())
                    .maxInboundMessageSize(64 * 1024 * 1024)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }
}
