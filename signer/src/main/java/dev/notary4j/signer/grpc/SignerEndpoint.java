package dev.notary4j.signer.grpc;

import com.google.protobuf.ByteString;
import dev.notary4j.signer.keys.KeyService;
import dev.notary4j.signer.keys.SignatureResult;
import dev.notary4j.signer.proto.Algorithm;
import dev.notary4j.signer.proto.Signature;
import dev.notary4j.signer.proto.SignatureRequest;
import dev.notary4j.signer.proto.SignerGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code proto.Signer}: signs whatever bytes it gets with any stored key (notary-signer has no authorization). */
final class SignerEndpoint extends SignerGrpc.SignerImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(SignerEndpoint.class);

    private final KeyService keys;

    SignerEndpoint(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public void sign(SignatureRequest request, StreamObserver<Signature> response) {
        String keyId = request.getKeyID().getID();
        Optional<SignatureResult> signature;
        try {
            signature = keys.sign(keyId, request.getContent().toByteArray());
        } catch (RuntimeException e) {
            LOG.error("Sign with key {} failed: {}", keyId, e.getMessage());
            response.onError(Status.INTERNAL.withDescription("signing failed with key " + keyId).asRuntimeException());
            return;
        }
        if (signature.isEmpty()) {
            response.onError(Status.NOT_FOUND.withDescription("signing key not found: " + keyId).asRuntimeException());
            return;
        }
        SignatureResult result = signature.get();
        response.onNext(Signature.newBuilder()
                .setKeyInfo(Messages.keyInfo(result.keyId(), result.keyAlgorithm()))
                .setAlgorithm(Algorithm.newBuilder().setAlgorithm(result.method()))
                .setContent(ByteString.copyFrom(result.signature()))
                .build());
        response.onCompleted();
    }
}
