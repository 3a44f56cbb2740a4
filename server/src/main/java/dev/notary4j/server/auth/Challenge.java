package dev.notary4j.server.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A refused request: what the 401's {@code WWW-Authenticate} header and error detail say. {@code error} is
 * {@code invalid_token} or {@code insufficient_scope}, empty when no token was sent.
 */
public record Challenge(String realm, String service, List<Access> required, Optional<String> error) {

    public Challenge {
        required = List.copyOf(required);
    }

    /** distribution's scopeParam: {@code type:name:a1,a2} per resource, resources space-separated. */
    public String scope() {
        Map<String, List<String>> actionsByResource = new LinkedHashMap<>();
        for (Access access : required) {
            actionsByResource.computeIfAbsent(access.type() + ":" + access.name(), k -> new ArrayList<>())
                    .add(access.action());
        }
        List<String> resources = new ArrayList<>();
        actionsByResource.forEach((resource, actions) -> resources.add(resource + ":" + String.join(",", actions)));
        return String.join(" ", resources);
    }
}
