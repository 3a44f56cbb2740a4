package dev.notary4j.signer.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import org.junit.jupiter.api.Test;

/** The names and numbers the Go notary-server puts on the wire (notary proto/signer.proto). */
class WireNamesTest {

    @Test
    void methodPathsAreTheGoOnes() {
        assertThat(KeyManagementGrpc.getCreateKeyMethod().getFullMethodName()).isEqualTo("proto.KeyManagement/CreateKey");
        assertThat(KeyManagementGrpc.getDeleteKeyMethod().getFullMethodName()).isEqualTo("proto.KeyManagement/DeleteKey");
        assertThat(KeyManagementGrpc.getGetKeyInfoMethod().getFullMethodName()).isEqualTo("proto.KeyManagement/GetKeyInfo");
        assertThat(SignerGrpc.getSignMethod().getFullMethodName()).isEqualTo("proto.Signer/Sign");
    }

    @Test
    void fieldNumbersMatchTheGoSchema() {
        assertThat(number(CreateKeyRequest.getDescriptor().findFieldByName("algorithm"))).isEqualTo(1);
        assertThat(number(CreateKeyRequest.getDescriptor().findFieldByName("gun"))).isEqualTo(2);
        assertThat(number(CreateKeyRequest.getDescriptor().findFieldByName("role"))).isEqualTo(3);
        assertThat(number(GetKeyInfoResponse.getDescriptor().findFieldByName("publicKey"))).isEqualTo(2);
        assertThat(number(GetKeyInfoResponse.getDescriptor().findFieldByName("role"))).isEqualTo(3);
        assertThat(number(Signature.getDescriptor().findFieldByName("algorithm"))).isEqualTo(2);
        assertThat(number(Signature.getDescriptor().findFieldByName("content"))).isEqualTo(3);
        assertThat(number(SignatureRequest.getDescriptor().findFieldByName("content"))).isEqualTo(2);
        assertThat(KeyID.getDescriptor().getFullName()).isEqualTo("proto.KeyID");
    }

    @Test
    void encodingIsTheGoOne() {
        // Bytes of CreateKeyRequest{algorithm:"ecdsa", gun:"g", role:"timestamp"} as Go's protobuf encodes it.
        byte[] expected = {0x0a, 5, 'e', 'c', 'd', 's', 'a', 0x12, 1, 'g', 0x1a, 9, 't', 'i', 'm', 'e', 's', 't', 'a', 'm', 'p'};
        byte[] actual = CreateKeyRequest.newBuilder().setAlgorithm("ecdsa").setGun("g").setRole("timestamp").build().toByteArray();
        assertThat(actual).isEqualTo(expected);
    }

    private static int number(FieldDescriptor field) {
        return field.getNumber();
    }
}
