package dev.notary4j.server.auth;

import java.util.Map;
import java.util.Set;

/** The actions a verified token grants per resource ({@code type:name}); {@code *} grants every action. */
public record GrantedAccess(String subject, Map<String, Set<String>> actionsByResource) {

    public GrantedAccess {
        actionsByResource = Map.copyOf(actionsByResource);
    }

    static String resource(String type, String name) {
        return type + ":" + name;
    }

    public boolean allows(Access access) {
        Set<String> actions = actionsByResource.getOrDefault(resource(access.type(), access.name()), Set.of());
        return actions.contains("*") || actions.contains(access.action());
    }
}
