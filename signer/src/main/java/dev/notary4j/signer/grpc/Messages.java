package dev.notary4j.signer.grpc;

import dev.notary4j.signer.proto.Algorithm;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.KeyInfo;

final class Messages {

    private Messages() {
    }

    static KeyInfo keyInfo(String keyId, String algorithm) {
        return KeyInfo.newBuilder()
                .setKeyID(KeyID.newBuilder().setID(keyId))
                .setAlgorithm(Algorithm.newBuilder().setAlgorithm(algorithm))
                .build();
    }
}
