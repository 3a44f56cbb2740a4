package dev.notary4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * certs/generate-certs.sh for a helm release: names the chart's Services resolve to, usages, validity, key files.
 * (Its output serving our server and signer over mutual TLS to the Go notary CLI is e2e/QuickstartIT.)
 */
class CertsScriptTest {

    private static final Path SCRIPT = Path.of("..", "certs", "generate-certs.sh").toAbsolutePath().normalize();
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    static Path pki;

    @BeforeAll
    static void generate() throws Exception {
        Process process = new ProcessBuilder(SCRIPT.toString(), "-o", pki.toString(), "-r", RenderedChart.RELEASE,
                "-n", RenderedChart.NAMESPACE, "-d", "30", "-c", "400").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(0);
    }

    @Test
    void serviceCertificatesNameTheChartsServices() throws Exception {
        RenderedChart chart = RenderedChart.render(null, Map.of());
        for (String component : List.of("server", "signer", "wrapper")) {
            String service = chart.get("Service", RenderedChart.RELEASE + "-notary-" + component).path("metadata")
                    .path("name").asText();
            X509Certificate cert = cert("notary-" + component + ".crt");
            List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
            assertThat(names).as(component).contains(service, service + "." + RenderedChart.NAMESPACE + ".svc",
                    service + "." + RenderedChart.NAMESPACE + ".svc.cluster.local", "localhost", "127.0.0.1");
            assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        }
    }

    @Test
    void theServersClientCertificateIsForClientAuthOnly() throws Exception {
        assertThat(cert("notary-server-client.crt").getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    }

    @Test
    void everyLeafChainsToTheRootAndHasTheRequestedValidity() throws Exception {
        X509Certificate root = cert("root-ca.crt");
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(days(root)).isEqualTo(400);
        for (String leaf : List.of("notary-server", "notary-signer", "notary-wrapper", "notary-server-client")) {
            X509Certificate cert = cert(leaf + ".crt");
            cert.verify(root.getPublicKey());
            assertThat(cert.getBasicConstraints()).as(leaf).isEqualTo(-1);
            assertThat(days(cert)).as(leaf).isEqualTo(30);
            assertThat(Files.getPosixFilePermissions(pki.resolve(leaf + ".key")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(pki.resolve(leaf + ".key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        }
    }

    @Test
    void theChartMountsExactlyTheFilesTheScriptWrites() throws Exception {
        RenderedChart chart = RenderedChart.render("values-production.yaml", Map.of());
        for (var deployment : chart.ofKind("Deployment")) {
            for (var volume : RenderedChart.list(deployment.path("spec").path("template").path("spec").path("volumes"))) {
                for (var item : RenderedChart.list(volume.path("secret").path("items"))) {
                    assertThat(pki.resolve(item.path("key").asText())).exists();
                    assertThat(item.path("key").asText()).isNotEqualTo("root-ca.key");
                }
            }
        }
    }

    private static long days(X509Certificate cert) {
        Instant from = cert.getNotBefore().toInstant();
        return Duration.between(from, cert.getNotAfter().toInstant()).toDays();
    }

    private static X509Certificate cert(String file) throws Exception {
        try (InputStream in = Files.newInputStream(pki.resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
