package dev.notary4j.signer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotarySignerCommandTest {

    @TempDir
    Path dir;

    @Test
    void configErrorsExitOneWithGoMessages() throws Exception {
        Path noAlias = Files.writeString(dir.resolve("no-alias.json"), """
                {"server": {"grpc_addr": ":7899", "tls_cert_file": "a.crt", "tls_key_file": "a.key"},
                 "storage": {"backend": "postgres", "db_url": "postgres://u@127.0.0.1:1/db"}}""");
        SignerCommandLine.Result result = SignerCommandLine.run(Map.of(), "-config", noAlias.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("must provide a default alias for the key DB");

        Path noTls = Files.writeString(dir.resolve("no-tls.json"), """
                {"server": {"grpc_addr": ":7899"}, "storage": {"backend": "memory"}}""");
        assertThat(SignerCommandLine.run(Map.of(), "-config", noTls.toString()).err()).contains("requires TLS");

        Path mysql = Files.writeString(dir.resolve("mysql.json"), """
                {"server": {"grpc_addr": ":7899", "tls_cert_file": "a.crt", "tls_key_file": "a.key"},
                 "storage": {"backend": "mysql", "db_url": "x", "default_alias": "a"}}""");
        assertThat(SignerCommandLine.run(Map.of(), "-config", mysql.toString()).err()).contains("storage.backend \"mysql\"");
    }

    @Test
    void environmentOverridesTheDefaultAlias() throws Exception {
        Path config = Files.writeString(dir.resolve("signer.json"), """
                {"server": {"grpc_addr": ":7899", "tls_cert_file": "a.crt", "tls_key_file": "a.key"},
                 "storage": {"backend": "postgres", "db_url": "postgres://u@127.0.0.1:1/db"}}""");
        NotarySignerCommand command = new NotarySignerCommand(Map.of("NOTARY_SIGNER_STORAGE_DEFAULT_ALIAS", "fromenv"));
        command.configFile = config;
        assertThat(command.loadConfig().defaultAlias()).contains("fromenv");
        assertThat(command.loadConfig().tlsCert()).isEqualTo(dir.resolve("a.crt"));
        assertThat(command.loadConfig().grpcAddress().host()).isEmpty();
        assertThat(command.loadConfig().grpcAddress().port()).isEqualTo(7899);
    }

    @Test
    void versionAndGoFlagSpellings() {
        assertThat(SignerCommandLine.run(Map.of(), "-version").exitCode()).isZero();
        assertThat(SignerCommandLine.run(Map.of(), "--version").exitCode()).isZero();
        assertThat(SignerCommandLine.run(Map.of(), "-no-such-flag").exitCode()).isNotZero();
    }
}
