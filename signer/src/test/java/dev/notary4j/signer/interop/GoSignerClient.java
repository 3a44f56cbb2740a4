package dev.notary4j.signer.interop;

import com.google.protobuf.ByteString;
import dev.notary4j.signer.grpc.SignerClients;
import dev.notary4j.signer.proto.CreateKeyRequest;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.KeyManagementGrpc;
import dev.notary4j.signer.proto.PublicKey;
import dev.notary4j.signer.proto.Signature;
import dev.notary4j.signer.proto.SignatureRequest;
import dev.notary4j.signer.proto.SignerGrpc;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.TestPki;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/** A grpc-java client of a Go notary-signer, authenticated with the PKI's signer-client certificate. */
final class GoSignerClient implements AutoCloseable {

    private final ManagedChannel channel;

    GoSignerClient(GoNotarySigner signer) {
        TestPki pki = signer.pki();
        channel = SignerClients.channel(signer.port(), pki.rootCaCert(), pki.signerClientCert(), pki.signerClientKey());
    }

    KeyManagementGrpc.KeyManagementBlockingStub keys() {
        return KeyManagementGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    PublicKey create(String algorithm, String gun, String role) {
        return keys().createKey(CreateKeyRequest.newBuilder().setAlgorithm(algorithm).setGun(gun).setRole(role).build());
    }

    Signature sign(String keyId, byte[] content) {
        return SignerGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).sign(SignatureRequest.newBuilder()
                .setKeyID(KeyID.newBuilder().setID(keyId)).setContent(ByteString.copyFrom(content)).build());
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
