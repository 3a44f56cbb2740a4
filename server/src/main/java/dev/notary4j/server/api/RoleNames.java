package dev.notary4j.server.api;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Which role names notary accepts in an upload (spec §5.2, Go's {@code data.ValidRole}). */
public final class RoleNames {

    private static final Pattern DELEGATION_CHARACTERS = Pattern.compile("^[-a-z0-9_/]+$");
    private static final int MAX_DELEGATION_BYTES = 255;

    private RoleNames() {
    }

    public static boolean isValid(String role) {
        return switch (role) {
            case "root", "targets", "snapshot", "timestamp" -> true;
            default -> isValidDelegation(role);
        };
    }

    public static boolean isValidDelegation(String role) {
        return role.startsWith("targets/")
                && DELEGATION_CHARACTERS.matcher(role).matches()
                && role.getBytes(StandardCharsets.UTF_8).length <= MAX_DELEGATION_BYTES
                && isClean(role);
    }

    /** Go's path.Clean leaves the name unchanged: no empty, "." or ".." segment and no trailing slash. */
    private static boolean isClean(String role) {
        for (String segment : role.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** {@code targets/a/b} has ancestors {@code targets}, {@code targets/a} (shallowest first). */
    public static java.util.List<String> ancestors(String delegation) {
        java.util.List<String> ancestors = new java.util.ArrayList<>();
        int slash = delegation.indexOf('/');
        while (slash > 0) {
            ancestors.add(delegation.substring(0, slash));
            slash = delegation.indexOf('/', slash + 1);
        }
        return ancestors;
    }
}
