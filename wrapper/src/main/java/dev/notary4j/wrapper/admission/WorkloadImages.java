package dev.notary4j.wrapper.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the images of each workload kind live: the pod spec's containers, init and ephemeral containers. */
public final class WorkloadImages {
    /** JSON pointer of the pod spec per kind. */
    public static final Map<String, String> POD_SPEC = Map.of(
            "Pod", "/spec",
            "Deployment", "/spec/template/spec",
            "StatefulSet", "/spec/template/spec",
            "DaemonSet", "/spec/template/spec",
            "ReplicaSet", "/spec/template/spec",
            "Job", "/spec/template/spec",
            "CronJob", "/spec/jobTemplate/spec/template/spec");
    public static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    /** One container image and the JSON pointer of its {@code image} field. */
    public record ContainerImage(String pointer, String image) {
    }

    private WorkloadImages() {
    }

    /** The images of {@code object} if {@code kind} is a workload kind; empty for anything else. */
    public static List<ContainerImage> of(String kind, JsonNode object) {
        String specPointer = POD_SPEC.get(kind);
        List<ContainerImage> images = new ArrayList<>();
        if (specPointer == null || object == null) {
            return images;
        }
        JsonNode spec = object.at(specPointer);
        for (String list : CONTAINER_LISTS) {
            JsonNode containers = spec.path(list);
            for (int i = 0; i < containers.size(); i++) {
                String pointer = specPointer + "/" + list + "/" + i + "/image";
                Optional.ofNullable(containers.get(i).get("image")).filter(JsonNode::isTextual)
                        .ifPresent(image -> images.add(new ContainerImage(pointer, image.asText())));
            }
        }
        return images;
    }
}
