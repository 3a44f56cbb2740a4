package dev.notary4j.server.auth;

import java.util.List;

/** One access a request needs: {@code type:name:action}, e.g. {@code repository:example.com/app:push}. */
public record Access(String type, String name, String action) {

    /** What routes without a GUN need (Go's buildCatalogRecord), whatever the route. */
    public static final List<Access> CATALOG = List.of(new Access("registry", "catalog", "*"));

    /** One entry per action, in the order given (Go's buildAccessRecords). */
    public static List<Access> repository(String gun, List<String> actions) {
        return actions.stream().map(action -> new Access("repository", gun, action)).toList();
    }
}
