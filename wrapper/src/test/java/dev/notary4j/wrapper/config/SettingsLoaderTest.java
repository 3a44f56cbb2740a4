package dev.notary4j.wrapper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.client.targets.TargetPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    private static final Path EXAMPLE = Path.of("config/wrapper.json");

    @TempDir
    Path dir;

    @Test
    void theExampleConfigurationLoads() {
        WrapperSettings settings = SettingsLoader.load(EXAMPLE, Map.of());
        assertThat(settings.listen().port()).isEqualTo(4445);
        assertThat(settings.listen().tlsCert()).hasValue(EXAMPLE.toAbsolutePath().getParent().resolve("pki/notary-wrapper.crt"));
        assertThat(settings.notaryServers()).containsKey("notary-server-svc.notary.svc:4443");
        assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.policies().forGun("any/gun").orElseThrow().targetPolicy()).isEqualTo(TargetPolicy.NOTARY);
        assertThat(settings.admission().serverFor("x")).hasValue("notary-server-svc.notary.svc:4443");
    }

    @Test
    void environmentOverridesTheFile() {
        WrapperSettings settings = SettingsLoader.load(EXAMPLE, Map.of("NOTARY_WRAPPER_CACHE_TTL", "5s",
                "NOTARY_PORT", "4446", "NOTARY_WRAPPER_FAILURE_STATUS", "404"));
        assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.listen().port()).isEqualTo(4446);
        assertThat(settings.failureStatus()).isEqualTo(404);
    }

    @Test
    void withoutTofuConfiguredTofuIsOff() throws IOException {
        Path file = write("{\"trust_dir\":\"t\",\"notary_servers\":[{\"name\":\"n:1\"}]}");
        WrapperSettings settings = SettingsLoader.load(file, Map.of());
        assertThat(settings.policies().forGun("g").orElseThrow().pinning().disableTofu()).isTrue();
        assertThat(settings.notaryServers().get("n:1").url().toString()).isEqualTo("https://n:1");
    }

    @Test
    void credentialsComeFromTheFirstLineOfTheirFileAndStayHidden() throws IOException {
        Files.writeString(dir.resolve("creds"), "robot:s3cr:et\nignored\n");
        Path file = write("{\"trust_dir\":\"t\",\"notary_servers\":[{\"name\":\"n:1\",\"credentials_file\":\"creds\"}]}");
        NotaryServerSettings server = SettingsLoader.load(file, Map.of()).notaryServers().get("n:1");
        assertThat(server.credentials()).hasValueSatisfying(c -> {
            assertThat(c.username()).isEqualTo("robot");
            assertThat(c.password()).isEqualTo("s3cr:et");
        });
        assertThat(server.toString()).doesNotContain("s3cr");
    }

    @Test
    void invalidSettingsNameTheirField() throws IOException {
        String base = "\"trust_dir\":\"t\",\"notary_servers\":[{\"name\":\"n:1\"}]";
        assertField("{\"trust_dir\":\"t\"}", "notary_servers");
        assertField("{" + base + ",\"failure_status\":200}", "failure_status");
        assertField("{" + base + ",\"cache\":{\"ttl\":\"soon\"}}", "cache.ttl");
        assertField("{" + base + ",\"server\":{\"http_addr\":\"nowhere\"}}", "server.http_addr");
        assertField("{" + base + ",\"admission\":{\"notary_server\":\"other:1\"}}", "admission.notary_server");
        assertField("{\"notary_servers\":[{\"name\":\"n:1\"}]}", "trust_dir");
        Files.writeString(dir.resolve("no-colon"), "robot\n");
        assertField("{\"trust_dir\":\"t\",\"notary_servers\":[{\"name\":\"n:1\",\"credentials_file\":\""
                + dir.resolve("no-colon") + "\"}]}", "notary_servers[0].credentials_file");
        assertField("{\"trust_dir\":\"t\",\"notary_servers\":[{\"name\":\"n:1\",\"credentials_file\":\""
                + dir.resolve("missing") + "\"}]}", "notary_servers[0].credentials_file");
    }

    private void assertField(String json, String field) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> SettingsLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).field()).isEqualTo(field);
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "wrapper", ".json");
        Files.writeString(file, json);
        return file;
    }
}
