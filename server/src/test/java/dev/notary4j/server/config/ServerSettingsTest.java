package dev.notary4j.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.common.db.StorageBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    private static ServerSettings parse(String json, Map<String, String> env) {
        return ServerSettings.from(NotaryConfig.parse(json.getBytes(StandardCharsets.UTF_8), Path.of("/etc/notary"),
                "NOTARY_SERVER_", env));
    }

    private static ServerSettings parse(String json) {
        return parse(json, Map.of());
    }

    private static final String MINIMAL = "{\"server\":{\"http_addr\":\":4443\"},\"trust_service\":{\"type\":\"local\"},"
            + "\"storage\":{\"backend\":\"memory\"}}";

    @Test
    void defaultsAreGos() {
        ServerSettings settings = parse(MINIMAL);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(4443);
        assertThat(settings.tlsCert()).isEmpty();
        assertThat(settings.currentMaxAge()).isEqualTo(300);
        assertThat(settings.consistentMaxAge()).isEqualTo(2_592_000);
        assertThat(settings.logLevel()).isEqualTo("error");
        assertThat(settings.gunPrefixes()).isEmpty();
        assertThat(settings.storage().backend()).isEqualTo(StorageBackend.MEMORY);
        assertThat(settings.trustService().type()).isEqualTo(TrustServiceSettings.Type.LOCAL);
    }

    @Test
    void remoteTrustServiceWithRelativeTlsFilesAndEnvironmentOverrides() {
        ServerSettings settings = parse("{\"server\":{\"http_addr\":\"127.0.0.1:4443\",\"tls_cert_file\":\"s.crt\","
                + "\"tls_key_file\":\"s.key\"},\"trust_service\":{\"type\":\"remote\",\"hostname\":\"signer\","
                + "\"port\":\"7899\",\"key_algorithm\":\"ecdsa\",\"tls_ca_file\":\"ca.crt\",\"tls_client_cert\":\"c.crt\","
                + "\"tls_client_key\":\"c.key\"},\"storage\":{\"backend\":\"postgres\",\"db_url\":\"postgres://a@b/c\"},"
                + "\"repositories\":{\"gun_prefixes\":[\"docker.io/\"]}}",
                Map.of("NOTARY_SERVER_TRUST_SERVICE_HOSTNAME", "other-signer",
                        "NOTARY_SERVER_CACHING_MAX_AGE_CURRENT_METADATA", "0"));
        assertThat(settings.tlsCert()).contains(Path.of("/etc/notary/s.crt"));
        assertThat(settings.trustService().hostname()).isEqualTo("other-signer");
        assertThat(settings.trustService().port()).isEqualTo(7899);
        assertThat(settings.trustService().caFile()).contains(Path.of("/etc/notary/ca.crt"));
        assertThat(settings.trustService().keyAlgorithm()).contains("ecdsa");
        assertThat(settings.currentMaxAge()).isZero();
        assertThat(settings.gunPrefixes()).containsExactly("docker.io/");
    }

    @Test
    void remoteWithoutKeyAlgorithmIsAllowedAsInGo() {
        ServerSettings settings = parse("{\"server\":{\"http_addr\":\":1\"},\"trust_service\":{\"type\":\"remote\","
                + "\"hostname\":\"h\",\"port\":\"1\"},\"storage\":{\"backend\":\"memory\"}}");
        assertThat(settings.trustService().keyAlgorithm()).isEmpty();
    }

    @Test
    void invalidConfigurationsFailAtStartup() {
        for (String json : new String[] {
                "{\"trust_service\":{\"type\":\"local\"},\"storage\":{\"backend\":\"memory\"}}",
                MINIMAL.replace("\"local\"", "\"magic\""),
                MINIMAL.replace(":4443\"", ":4443\",\"tls_cert_file\":\"a.crt\""),
                MINIMAL.replace(":4443\"", ":4443\",\"client_ca_file\":\"ca.crt\""),
                MINIMAL.replace("}}", "},\"caching\":{\"max_age\":{\"current_metadata\":31536001}}}"),
                MINIMAL.replace("}}", "},\"repositories\":{\"gun_prefixes\":[\"docker.io\"]}}"),
                MINIMAL.replace("}}", "},\"repositories\":{\"gun_prefixes\":[\"/abs/\"]}}"),
                MINIMAL.replace("}}", "},\"repositories\":{\"gun_prefixes\":[\"a//b/\"]}}"),
                MINIMAL.replace("memory", "rethinkdb")}) {
            assertThatThrownBy(() -> parse(json)).as(json).isInstanceOf(ConfigException.class);
        }
    }

    @Test
    void onlyAuthTypeTokenEnablesAuthentication() {
        assertThat(parse(MINIMAL).tokenAuth()).isEmpty();
        assertThat(parse(MINIMAL.replaceFirst("\\{", "{\"auth\":{\"type\":\"htpasswd\",\"options\":{}},"))
                .tokenAuth()).isEmpty();
        assertThatThrownBy(() -> parse(MINIMAL.replaceFirst("\\{", "{\"auth\":{\"type\":\"token\","
                + "\"options\":{\"realm\":\"r\",\"service\":\"s\",\"issuer\":\"i\"}},")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rootcertbundle");
    }

    /** The committed token-auth config (acceptance 4): token auth on, signer over mutual TLS, paths from its dir. */
    @Test
    void committedTokenAuthConfigParses() {
        Path file = Path.of("config/server-token.json").toAbsolutePath();
        ServerSettings settings = ServerSettings.from(NotaryConfig.load(file, "NOTARY_SERVER_", Map.of()));
        assertThat(settings.tokenAuth()).hasValueSatisfying(auth -> {
            assertThat(auth.service()).isEqualTo("notary-server");
            assertThat(auth.issuer()).isEqualTo("registry-token-issuer");
            assertThat(auth.rootCertBundle()).isEqualTo(file.getParent().resolve("../../pki/token-signer.crt").normalize());
        });
        assertThat(settings.trustService().clientCert()).isPresent();
    }
}
