package dev.notary4j.client.publish;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One staged change in notary's changelist format ({@code client/changelist} TUFChange), so that staged changes
 * read the same in both CLIs.
 *
 * @param action {@code create} or {@code delete}
 * @param role   the targets role the change goes into ({@code targets}, a delegation)
 * @param type   {@code target} or {@code delegation}
 * @param path   the target name (empty for delegations)
 * @param data   a target's file meta JSON, or a delegation's TUFDelegation JSON (base64 on disk, as Go's []byte)
 */
public record Change(@JsonProperty("action") String action, @JsonProperty("role") String role,
                     @JsonProperty("type") String type, @JsonProperty("path") String path,
                     @JsonProperty("data") byte[] data) {
    public static final String CREATE = "create";
    public static final String DELETE = "delete";
    public static final String TARGET = "target";
    public static final String DELEGATION = "delegation";
}
