package dev.notary4j.wrapper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.client.targets.TargetPolicy;
import dev.notary4j.wrapper.policy.TrustPolicies;
import dev.notary4j.wrapper.policy.VerificationLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustPolicyFileTest {
    @TempDir
    Path dir;

    @Test
    void theExampleLoadsWithTheMostSpecificScopeWinning() {
        TrustPolicies policies = TrustPolicyFile.load(Path.of("examples/trust-policy.json"));
        assertThat(policies.forGun("registry.example.com/prod/app").orElseThrow().name()).isEqualTo("production");
        assertThat(policies.forGun("registry.example.com/prod/app").orElseThrow().targetPolicy())
                .isEqualTo(new TargetPolicy(Set.of("targets/releases"), 1));
        assertThat(policies.forGun("registry.example.com/prod/payments").orElseThrow().targetPolicy())
                .isEqualTo(new TargetPolicy(Set.of("targets/alice", "targets/bob"), 2));
        assertThat(policies.forGun("other/app").orElseThrow().level()).isEqualTo(VerificationLevel.AUDIT);
        assertThat(policies.forGun("registry.example.com/prod/app").orElseThrow().pinning().disableTofu()).isTrue();
    }

    @Test
    void invalidFilesAreRefusedNamingTheField() throws IOException {
        String ok = "\"name\":\"p\",\"registryScopes\":[\"*\"],\"signatureVerification\":{\"level\":\"strict\"},"
                + "\"trustStores\":[\"tofu\"],\"trustedIdentities\":[\"*\"]";
        assertField("{\"trustPolicies\":[]}", "version");
        assertField("{\"version\":\"1.0\",\"trustPolicies\":[]}", "trustPolicies");
        assertField(doc(ok.replace("strict", "permissive")), "trustPolicies[0].signatureVerification.level");
        assertField(doc(ok.replace("[\"*\"],\"sig", "[],\"sig")), "trustPolicies[0].registryScopes");
        assertField(doc(ok.replace("\"tofu\"", "\"vault:x\"")), "trustPolicies[0].trustStores");
        assertField(doc(ok.replace("\"trustedIdentities\":[\"*\"]", "\"trustedIdentities\":[\"alice\"]")),
                "trustPolicies[0].trustedIdentities");
        assertField(doc(ok.replace("\"name\":\"p\",", "")), "trustPolicies[0].name");
        assertField("{\"version\":\"1.0\",\"trustPolicies\":[{" + ok + "},{" + ok.replace("\"p\"", "\"q\"") + "}]}",
                "trustPolicies[1].registryScopes");
    }

    private static String doc(String policy) {
        return "{\"version\":\"1.0\",\"trustPolicies\":[{" + policy + "}]}";
    }

    private void assertField(String json, String field) throws IOException {
        Path file = Files.createTempFile(dir, "policy", ".json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> TrustPolicyFile.load(file)).isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).field()).isEqualTo(field);
    }
}
