package dev.notary4j.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.StreamSupport;

/** The objects `helm template` renders for helm/notary4j, parsed; release "notary" in namespace "notary". */
final class RenderedChart {

    static final Path CHART = Path.of("..", "helm", "notary4j").toAbsolutePath().normalize();
    static final String RELEASE = "notary";
    static final String NAMESPACE = "notary-system";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    final String yaml;
    final List<JsonNode> objects;

    private RenderedChart(String yaml, List<JsonNode> objects) {
        this.yaml = yaml;
        this.objects = List.copyOf(objects);
    }

    /** Renders with the chart's values.yaml, then {@code valuesFile} when not null, then {@code sets}. */
    static RenderedChart render(String valuesFile, Map<String, Object> sets) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            command = command.withValuesFile(CHART.resolve(valuesFile));
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        String yaml = command.call();
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    objects.add(node);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("helm's output is not YAML", e);
        }
        return new RenderedChart(yaml, objects);
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode get(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " " + name + " rendered"));
    }

    /** A JSON file a ConfigMap carries. */
    JsonNode configFile(String configMap, String key) {
        return json(get("ConfigMap", configMap).path("data").path(key).asText());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    byte[] configFileBytes(String configMap, String key) {
        return get("ConfigMap", configMap).path("data").path(key).asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** containers and initContainers of a workload's pod template (or a pod spec). */
    static List<JsonNode> containers(JsonNode workload) {
        JsonNode spec = workload.path("spec").path("template").path("spec");
        List<JsonNode> all = new ArrayList<>();
        spec.path("initContainers").forEach(all::add);
        spec.path("containers").forEach(all::add);
        return all;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
