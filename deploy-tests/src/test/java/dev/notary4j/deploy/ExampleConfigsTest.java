package dev.notary4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.common.db.StorageBackend;
import dev.notary4j.server.config.ServerSettings;
import dev.notary4j.signer.config.SignerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example configs under server/config and signer/config are valid and use the certs/ file layout. */
class ExampleConfigsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path PKI = REPO.resolve("pki");
    private static final List<String> SCRIPT_FILES = List.of("root-ca.crt", "notary-server.crt", "notary-server.key",
            "notary-server-client.crt", "notary-server-client.key", "notary-signer.crt", "notary-signer.key");

    @ParameterizedTest
    @CsvSource({"server-h2.json, H2", "server-postgres.json, POSTGRES", "server-token.json, POSTGRES"})
    void serverExamples(String file, StorageBackend backend) {
        ServerSettings settings = ServerSettings.from(NotaryConfig.load(REPO.resolve("server/config").resolve(file),
                "NOTARY_SERVER_", Map.of()));
        assertThat(settings.storage().backend()).isEqualTo(backend);
        assertThat(settings.port()).isEqualTo(4443);
        assertThat(List.of(settings.tlsCert().orElseThrow(), settings.tlsKey().orElseThrow(),
                settings.trustService().caFile().orElseThrow(), settings.trustService().clientCert().orElseThrow(),
                settings.trustService().clientKey().orElseThrow()))
                .allSatisfy(p -> assertThat(SCRIPT_FILES).contains(PKI.relativize(p).toString()));
    }

    @ParameterizedTest
    @CsvSource({"signer-h2.json, H2", "signer-postgres.json, POSTGRES"})
    void signerExamples(String file, StorageBackend backend) {
        SignerConfig config = SignerConfig.from(NotaryConfig.load(REPO.resolve("signer/config").resolve(file),
                SignerConfig.ENV_PREFIX, Map.of()));
        assertThat(config.database().backend()).isEqualTo(backend);
        assertThat(config.defaultAlias()).contains("passwordalias1");
        assertThat(List.of(config.tlsCert(), config.tlsKey(), config.clientCa().orElseThrow()))
                .allSatisfy(p -> assertThat(SCRIPT_FILES).contains(PKI.relativize(p).toString()));
    }
}
