package dev.notary4j.signer.grpc;

import com.google.protobuf.ByteString;
import dev.notary4j.signer.keys.KeyService;
import dev.notary4j.signer.keys.PublicKeyInfo;
import dev.notary4j.signer.keys.UnsupportedAlgorithmException;
import dev.notary4j.signer.proto.CreateKeyRequest;
import dev.notary4j.signer.proto.GetKeyInfoResponse;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.KeyManagementGrpc;
import dev.notary4j.signer.proto.PublicKey;
import dev.notary4j.signer.proto.Void;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code proto.KeyManagement} with notary-signer's status codes and messages (signer spec §2.1). */
final class KeyManagementEndpoint extends KeyManagementGrpc.KeyManagementImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(KeyManagementEndpoint.class);

    private final KeyService keys;

    KeyManagementEndpoint(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public void createKey(CreateKeyRequest request, StreamObserver<PublicKey> response) {
        PublicKeyInfo key;
        try {
            key = keys.createKey(request.getAlgorithm(), request.getGun(), request.getRole());
        } catch (UnsupportedAlgorithmException e) {
            // Go returns a plain error here, which gRPC reports as UNKNOWN.
            response.onError(Status.UNKNOWN.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            LOG.error("CreateKey for gun {} role {} failed: {}", request.getGun(), request.getRole(), e.getMessage());
            response.onError(Status.INTERNAL.withDescription("Key creation failed").asRuntimeException());
            return;
        }
        response.onNext(PublicKey.newBuilder()
                .setKeyInfo(Messages.keyInfo(key.keyId(), key.algorithm()))
                .setPublicKey(ByteString.copyFrom(key.publicBytes()))
                .build());
        response.onCompleted();
    }

    @Override
    public void deleteKey(KeyID request, StreamObserver<Void> response) {
        try {
            keys.delete(request.getID());
        } catch (RuntimeException e) {
            LOG.error("DeleteKey {} failed: {}", request.getID(), e.getMessage());
            response.onError(Status.INTERNAL.withDescription("Key deletion for KeyID " + request.getID() + " failed")
                    .asRuntimeException());
            return;
        }
        response.onNext(Void.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void getKeyInfo(KeyID request, StreamObserver<GetKeyInfoResponse> response) {
        var key = keys.keyInfo(request.getID());
        if (key.isEmpty()) {
            response.onError(Status.NOT_FOUND.withDescription("key " + request.getID() + " not found").asRuntimeException());
            return;
        }
        response.onNext(GetKeyInfoResponse.newBuilder()
                .setKeyInfo(Messages.keyInfo(key.get().keyId(), key.get().algorithm()))
                .setPublicKey(ByteString.copyFrom(key.get().publicBytes()))
                .setRole(key.get().role())
                .build());
        response.onCompleted();
    }
}
