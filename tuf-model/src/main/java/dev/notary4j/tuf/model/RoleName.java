package dev.notary4j.tuf.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Role names as notary validates them ({@code tuf/data/roles.go}; server.md §5.2). */
public final class RoleName {
    public static final String ROOT = "root";
    public static final String TARGETS = "targets";
    public static final String SNAPSHOT = "snapshot";
    public static final String TIMESTAMP = "timestamp";
    /** In the order notary checks them in root.json. */
    public static final List<String> BASE_ROLES = List.of(ROOT, TARGETS, SNAPSHOT, TIMESTAMP);

    private static final Pattern DELEGATION_CHARS = Pattern.compile("[-a-z0-9_/]+");
    private static final Map<String, String> TUF_TYPES =
            Map.of(ROOT, "Root", TARGETS, "Targets", SNAPSHOT, "Snapshot", TIMESTAMP, "Timestamp");

    private RoleName() {
    }

    public static boolean isBaseRole(String name) {
        return BASE_ROLES.contains(name);
    }

    /**
     * A delegation name: starts with {@code targets/}, only {@code [-a-z0-9_/]}, shorter than 256 bytes and equal
     * to its Go path-cleaned form (no {@code //}, no trailing {@code /}).
     */
    public static boolean isDelegation(String name) {
        return name.startsWith(TARGETS + "/")
                && DELEGATION_CHARS.matcher(name).matches()
                && name.getBytes(StandardCharsets.UTF_8).length < 256
                && GoPath.clean(name).equals(name);
    }

    /** A base role or a delegation name. */
    public static boolean isValid(String name) {
        return isBaseRole(name) || isDelegation(name);
    }

    /** Like {@link #isValid} but throws notary's error ("tuf: invalid role X."). */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new InvalidRoleException(name, "");
        }
        return name;
    }

    /** {@code targets} or a delegation: the roles whose files are Targets metadata. */
    public static boolean isTargetsRole(String name) {
        return TARGETS.equals(name) || isDelegation(name);
    }

    /** Go's {@code path.Dir}: {@code targets/a/b} gives {@code targets/a}, {@code targets} gives ".". */
    public static String parent(String name) {
        return GoPath.dir(name);
    }

    /** Whether {@code child} is a delegation directly below {@code parent} (notary's rule for delegation lists). */
    public static boolean isDirectChild(String child, String parent) {
        return isDelegation(child) && GoPath.dir(child).equals(parent);
    }

    /** The ancestors of a delegation, shallowest first: {@code targets/a/b} gives [targets, targets/a]. */
    public static List<String> ancestors(String delegation) {
        List<String> result = new ArrayList<>();
        for (String p = parent(delegation); isTargetsRole(p); p = parent(p)) {
            result.add(0, p);
        }
        return result;
    }

    /** The {@code _type} value of a role's metadata ("Targets" for delegations), or null for invalid names. */
    public static String tufType(String role) {
        return isDelegation(role) ? "Targets" : TUF_TYPES.get(role);
    }
}
