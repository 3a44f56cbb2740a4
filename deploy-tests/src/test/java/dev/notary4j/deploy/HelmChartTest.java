package dev.notary4j.deploy;

import static dev.notary4j.deploy.RenderedChart.containers;
import static dev.notary4j.deploy.RenderedChart.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notary4j.common.config.NotaryConfig;
import dev.notary4j.server.config.ServerSettings;
import dev.notary4j.server.config.TrustServiceSettings;
import dev.notary4j.signer.config.SignerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * helm/notary4j rendered by helm itself (helm-java's native helm), for the default values, the production-style
 * values and the in-chart PostgreSQL: what issue 7's acceptance 3 asks and that the generated notary configs are
 * accepted by the server's and signer's own config parsers.
 */
class HelmChartTest {

    private static final String SERVER = "notary-notary-server";
    private static final String SIGNER = "notary-notary-signer";
    private static final String WRAPPER = "notary-notary-wrapper";

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("defaults", null, Map.of()),
                Arguments.of("production", "values-production.yaml", Map.of()),
                Arguments.of("in-chart PostgreSQL", null, Map.of("postgresql.enabled", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyWorkloadHasProbesResourcesAndANonRootReadOnlyContainer(String name, String values, Map<String, Object> sets) {
        RenderedChart chart = RenderedChart.render(values, sets);
        List<JsonNode> deployments = chart.ofKind("Deployment");
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder(SERVER, SIGNER, WRAPPER);
        for (JsonNode deployment : deployments) {
            for (JsonNode container : containers(deployment)) {
                String where = deployment.path("metadata").path("name").asText() + "/" + container.path("name").asText();
                assertThat(probeAction(container.path("readinessProbe"))).as(where + " readinessProbe").isNotNull();
                assertThat(probeAction(container.path("livenessProbe"))).as(where + " livenessProbe").isNotNull();
                assertResources(where, container);
                assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(where).isTrue();
            }
            assertThat(deployment.path("spec").path("template").path("spec").path("securityContext")
                    .path("runAsNonRoot").asBoolean()).isTrue();
        }
        for (String kind : List.of("StatefulSet", "Job")) {
            for (JsonNode workload : chart.ofKind(kind)) {
                containers(workload).forEach(c -> assertResources(kind + "/" + c.path("name").asText(), c));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void probesUseTheHealthEndpoints(String name, String values, Map<String, Object> sets) {
        RenderedChart chart = RenderedChart.render(values, sets);
        JsonNode server = container(chart, SERVER);
        assertThat(server.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/_notary_server/health");
        assertThat(server.path("readinessProbe").path("httpGet").path("scheme").asText()).isEqualTo("HTTPS");
        assertThat(namedPort(server, server.path("readinessProbe").path("httpGet").path("port").asText()))
                .isEqualTo(chart.configFile(SERVER, "server.json").path("server").path("http_addr").asText()
                        .replace(":", ""));
        JsonNode wrapper = container(chart, WRAPPER);
        assertThat(wrapper.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/");
        assertThat(wrapper.path("readinessProbe").path("httpGet").path("scheme").asText()).isEqualTo("HTTPS");
        assertThat(":" + namedPort(wrapper, "https"))
                .isEqualTo(chart.configFile(WRAPPER, "wrapper.json").path("server").path("http_addr").asText());
        JsonNode signer = container(chart, SIGNER);
        assertThat(namedPort(signer, signer.path("readinessProbe").path("tcpSocket").path("port").asText()))
                .isEqualTo(chart.configFile(SIGNER, "signer.json").path("server").path("grpc_addr").asText()
                        .replace(":", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noSecretValueIsInlined(String name, String values, Map<String, Object> sets) throws IOException {
        RenderedChart chart = RenderedChart.render(values, sets);
        Pattern secretEnv = Pattern.compile(".*(DB_URL|PASSWORD|PASSPHRASE)$|^NOTARY_SIGNER_(?!JAVA).*");
        for (JsonNode object : chart.objects) {
            for (JsonNode container : containers(object)) {
                for (JsonNode env : list(container.path("env"))) {
                    String envName = env.path("name").asText();
                    if (!secretEnv.matcher(envName).matches() || envName.startsWith("POSTGRES_USER")) {
                        continue;
                    }
                    if (env.has("value")) {
                        // Only the in-chart database URL is composed, from the password Secret by Kubernetes.
                        assertThat(env.path("value").asText()).as(envName)
                                .matches("postgres://notary:\\$\\(NOTARY4J_DB_PASSWORD\\)@[a-z0-9-]+:5432/notary\\?sslmode=disable");
                    } else {
                        assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asText()).as(envName).isNotEmpty();
                    }
                }
            }
        }
        for (JsonNode configMap : chart.ofKind("ConfigMap")) {
            for (JsonNode file : list(configMap.path("data"))) {
                assertNoSecretIn(configMap.path("metadata").path("name").asText(), RenderedChart.json(file.asText()));
            }
        }
        // Secrets the chart makes itself are generated ones (helm-java omits hook objects; `helm template` shows them).
        for (JsonNode secret : chart.ofKind("Secret")) {
            assertThat(secret.path("metadata").path("name").asText()).isIn(SIGNER + "-passphrases", "notary-postgresql");
        }
    }

    @Test
    void secretsTheChartCreatesAreGeneratedOnInstallOnlyAndKept() throws IOException {
        List<Path> secretTemplates;
        try (Stream<Path> templates = Files.list(RenderedChart.CHART.resolve("templates"))) {
            secretTemplates = templates.filter(t -> read(t).contains("kind: Secret")).toList();
        }
        assertThat(secretTemplates).extracting(t -> t.getFileName().toString())
                .containsExactlyInAnyOrder("signer-passphrases-secret.yaml", "postgresql-secret.yaml");
        for (Path template : secretTemplates) {
            String text = read(template);
            // A pre-install hook is never re-rendered by an upgrade, so a passphrase is never replaced.
            assertThat(text).as(template.toString()).contains("helm.sh/hook: pre-install\n", "helm.sh/resource-policy: keep");
            String data = text.substring(text.indexOf("\ndata:"));
            for (String line : data.lines().skip(1).toList()) {
                if (line.contains(": ")) {
                    assertThat(line).as(template + ": every value is generated").contains("randAlphaNum").doesNotContain(".Values");
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void serverConfigIsAcceptedByTheServerAndPointsAtTheSignerService(String name, String values,
            Map<String, Object> sets) {
        RenderedChart chart = RenderedChart.render(values, sets);
        ServerSettings settings = ServerSettings.from(NotaryConfig.parse(chart.configFileBytes(SERVER, "server.json"),
                Path.of("/etc/notary"), "NOTARY_SERVER_",
                Map.of("NOTARY_SERVER_STORAGE_DB_URL", "postgres://u:p@db:5432/notaryserver")));
        JsonNode signerService = chart.get("Service", SIGNER);
        assertThat(settings.trustService().type()).isEqualTo(TrustServiceSettings.Type.REMOTE);
        assertThat(settings.trustService().hostname()).isEqualTo(SIGNER);
        assertThat(settings.trustService().port()).isEqualTo(signerService.path("spec").path("ports").get(0).path("port").asInt());
        assertThat(settings.trustService().clientCert()).isPresent();
        assertThat(settings.storage().migrate()).isEqualTo(name.equals("in-chart PostgreSQL"));
        assertThat(mountedFiles(chart, SERVER)).contains(settings.tlsCert().orElseThrow(), settings.tlsKey().orElseThrow(),
                settings.trustService().caFile().orElseThrow(), settings.trustService().clientCert().orElseThrow(),
                settings.trustService().clientKey().orElseThrow());
        assertThat(envNames(container(chart, SERVER))).contains("NOTARY_SERVER_STORAGE_DB_URL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void signerConfigIsAcceptedByTheSignerAndEveryAliasHasItsPassphrase(String name, String values,
            Map<String, Object> sets) {
        RenderedChart chart = RenderedChart.render(values, sets);
        SignerConfig config = SignerConfig.from(NotaryConfig.parse(chart.configFileBytes(SIGNER, "signer.json"),
                Path.of("/etc/notary"), SignerConfig.ENV_PREFIX,
                Map.of("NOTARY_SIGNER_STORAGE_DB_URL", "postgres://u:p@db:5432/notarysigner")));
        assertThat(config.clientCa()).as("mutual TLS").isPresent();
        assertThat(mountedFiles(chart, SIGNER)).contains(config.tlsCert(), config.tlsKey(), config.clientCa().orElseThrow());
        String alias = config.defaultAlias().orElseThrow();
        JsonNode passphrase = env(container(chart, SIGNER), "NOTARY_SIGNER_" + alias.toUpperCase().replace('.', '_'));
        assertThat(passphrase.path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo(alias);
        if (name.equals("production")) {
            assertThat(passphrase.path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo("notary-signer-passphrases");
            assertThat(envNames(container(chart, SIGNER))).contains("NOTARY_SIGNER_ALIAS2025", "NOTARY_SIGNER_ALIAS2026");
        }
    }

    @Test
    void migrationsJobRunsTheMigrateCommandOfBothServicesBeforeInstallAndUpgrade() throws Exception {
        // helm-java leaves hooks out of its output, so the Job is checked as a plain object (migrations.hook=false)
        // and its hook annotations in the template.
        String template = read(RenderedChart.CHART.resolve("templates/migrations-job.yaml"));
        assertThat(template).contains("helm.sh/hook: pre-install,pre-upgrade", "helm.sh/hook-weight: \"-5\"",
                "helm.sh/hook-weight: \"0\"");
        RenderedChart chart = RenderedChart.render("values-production.yaml", Map.of("migrations.hook", false));
        JsonNode job = chart.get("Job", "notary-migrate-1");
        assertThat(job.path("spec").path("template").path("spec").path("volumes").get(0).path("configMap").path("name")
                .asText()).isEqualTo("notary-migrate-1");
        assertThat(chart.configFile("notary-migrate-1", "migrate.json").path("storage").path("backend").asText())
                .isEqualTo("postgres");
        List<JsonNode> steps = containers(job);
        assertThat(steps).hasSize(2);
        for (JsonNode step : steps) {
            List<String> command = list(step.path("command")).stream().map(JsonNode::asText).toList();
            String service = list(step.path("args")).get(2).asText();
            // The class exists and the jar path is where the service's Dockerfile puts it.
            Class.forName(command.get(3));
            assertThat(command).containsExactly("java", "-cp", "/opt/notary4j/" + service + ".jar", command.get(3));
            assertThat(Files.readString(RenderedChart.CHART.resolve("../../" + service + "/Dockerfile")))
                    .contains("/opt/notary4j/" + service + ".jar");
            assertThat(step.path("image").asText()).isEqualTo("registry.example.com/notary4j/notary-" + service + ":0.1.0");
            assertThat(envNames(step)).contains("NOTARY_" + service.toUpperCase() + "_STORAGE_DB_URL");
        }
        assertThat(RenderedChart.render(null, Map.of("postgresql.enabled", true, "migrations.hook", false))
                .ofKind("Job")).isEmpty();
        assertThat(RenderedChart.render(null, Map.of("migrations.enabled", false, "migrations.hook", false))
                .ofKind("Job")).isEmpty();
    }

    @Test
    void defaultsUseAnExternalDatabaseAndNoWebhooks() {
        RenderedChart chart = RenderedChart.render(null, Map.of());
        assertThat(chart.ofKind("StatefulSet")).isEmpty();
        assertThat(chart.ofKind("ValidatingWebhookConfiguration")).isEmpty();
        assertThat(chart.ofKind("MutatingWebhookConfiguration")).isEmpty();
        assertThat(env(container(chart, SERVER), "NOTARY_SERVER_STORAGE_DB_URL").path("valueFrom").path("secretKeyRef")
                .path("name").asText()).isEqualTo("notary4j-database");
        assertThat(chart.get("Deployment", SERVER).path("spec").path("replicas").asInt()).isEqualTo(1);
    }

    @Test
    void inChartPostgresqlIsAStatefulSetTheServicesConnectTo() {
        RenderedChart chart = RenderedChart.render(null, Map.of("postgresql.enabled", true));
        JsonNode statefulSet = chart.get("StatefulSet", "notary-postgresql");
        assertThat(statefulSet.path("spec").path("volumeClaimTemplates")).hasSize(1);
        assertThat(env(container(chart, SIGNER), "NOTARY_SIGNER_STORAGE_DB_URL").path("value").asText())
                .contains("@notary-postgresql:5432/");
        assertThat(chart.get("Service", "notary-postgresql")).isNotNull();
    }

    @Test
    void productionRunsSeveralReplicasAndTheWebhooksOnTheWrapper() {
        RenderedChart chart = RenderedChart.render("values-production.yaml", Map.of());
        assertThat(chart.get("Deployment", SERVER).path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(chart.get("Deployment", SIGNER).path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(chart.get("Deployment", WRAPPER).path("spec").path("replicas").asInt()).isEqualTo(3);
        JsonNode wrapperService = chart.get("Service", WRAPPER);
        Map<String, String> paths = Map.of("ValidatingWebhookConfiguration", "/validate",
                "MutatingWebhookConfiguration", "/mutate");
        for (Map.Entry<String, String> kind : paths.entrySet()) {
            List<JsonNode> configs = chart.ofKind(kind.getKey());
            assertThat(configs).hasSize(1);
            JsonNode webhook = configs.get(0).path("webhooks").get(0);
            JsonNode service = webhook.path("clientConfig").path("service");
            assertThat(service.path("name").asText()).isEqualTo(WRAPPER);
            assertThat(service.path("namespace").asText()).isEqualTo(RenderedChart.NAMESPACE);
            assertThat(service.path("path").asText()).isEqualTo(kind.getValue());
            assertThat(service.path("port").asInt()).isEqualTo(wrapperService.path("spec").path("ports").get(0).path("port").asInt());
            assertThat(webhook.path("clientConfig").path("caBundle").asText()).isNotEmpty();
            assertThat(webhook.path("admissionReviewVersions").toString()).contains("v1");
            assertThat(webhook.path("namespaceSelector").path("matchExpressions").toString())
                    .contains("kubernetes.io/metadata.name", RenderedChart.NAMESPACE);
        }
        JsonNode wrapperConfig = chart.configFile(WRAPPER, "wrapper.json");
        assertThat(wrapperConfig.path("notary_servers").get(0).path("url").asText())
                .isEqualTo("https://notary-notary-server." + RenderedChart.NAMESPACE + ".svc:4443");
        assertThat(wrapperConfig.path("policy").path("required_roles").get(0).asText()).isEqualTo("targets/releases");
        assertThat(mountedFiles(chart, WRAPPER)).contains(Path.of(wrapperConfig.path("server").path("tls_cert_file").asText()));
    }

    @Test
    void webhooksNeedTheCaBundle() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("wrapper.webhooks.validating.enabled", true)))
                .hasMessageContaining("wrapper.webhooks.caBundle");
        RenderedChart chart = RenderedChart.render(null, Map.of("wrapper.webhooks.validating.enabled", true,
                "wrapper.webhooks.caBundle", "Y2E="));
        assertThat(chart.ofKind("ValidatingWebhookConfiguration")).hasSize(1);
        assertThat(chart.ofKind("MutatingWebhookConfiguration")).isEmpty();
    }

    @Test
    void aDefaultAliasWithoutAPassphraseIsRefused() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("signer.defaultAlias", "other")))
                .hasMessageContaining("signer.defaultAlias must be one of signer.aliases");
    }

    /** No key that names a secret, no database URL, no key material anywhere in a config file. */
    private static void assertNoSecretIn(String where, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            assertThat(field.getKey().toLowerCase()).as(where).doesNotContain("password", "passphrase", "db_url", "secret");
            assertNoSecretIn(where, field.getValue());
        });
        node.elements().forEachRemaining(element -> assertNoSecretIn(where, element));
        if (node.isValueNode()) {
            assertThat(node.asText()).as(where).doesNotContain("postgres://", "postgresql://", "PRIVATE KEY");
        }
    }

    private static Object probeAction(JsonNode probe) {
        for (String action : List.of("httpGet", "tcpSocket", "grpc", "exec")) {
            if (probe.has(action)) {
                return probe.get(action);
            }
        }
        return null;
    }

    private static void assertResources(String where, JsonNode container) {
        JsonNode resources = container.path("resources");
        assertThat(resources.path("requests").path("cpu").asText()).as(where + " cpu request").isNotEmpty();
        assertThat(resources.path("requests").path("memory").asText()).as(where + " memory request").isNotEmpty();
        assertThat(resources.path("limits").path("memory").asText()).as(where + " memory limit").isNotEmpty();
    }

    private static JsonNode container(RenderedChart chart, String deployment) {
        return containers(chart.get("Deployment", deployment)).get(0);
    }

    private static String namedPort(JsonNode container, String name) {
        for (JsonNode port : list(container.path("ports"))) {
            if (port.path("name").asText().equals(name) || port.path("containerPort").asText().equals(name)) {
                return port.path("containerPort").asText();
            }
        }
        throw new AssertionError("no port " + name + " on " + container.path("name").asText());
    }

    private static JsonNode env(JsonNode container, String name) {
        return list(container.path("env")).stream().filter(e -> e.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " on " + container.path("name").asText()));
    }

    private static List<String> envNames(JsonNode container) {
        return list(container.path("env")).stream().map(e -> e.path("name").asText()).toList();
    }

    /** The files a deployment's container sees from its Secret volumes (mount path + item path). */
    private static Set<Path> mountedFiles(RenderedChart chart, String deployment) {
        JsonNode spec = chart.get("Deployment", deployment).path("spec").path("template").path("spec");
        Set<Path> files = new HashSet<>();
        for (JsonNode mount : list(container(chart, deployment).path("volumeMounts"))) {
            for (JsonNode volume : list(spec.path("volumes"))) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("secret")) {
                    volume.path("secret").path("items").forEach(item ->
                            files.add(Path.of(mount.path("mountPath").asText(), item.path("path").asText())));
                }
            }
        }
        return files;
    }
}
