package dev.notary4j.client.targets;

import dev.notary4j.client.trust.RoleGrant;
import dev.notary4j.client.trust.TrustedTargetsRole;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.RoleName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds targets in verified targets roles the way notary's client reads them ({@code tuf.go} WalkTargets,
 * {@code reader.go}): a breadth-first walk from {@code targets}, entering a role only if the target name fits its
 * effective paths, ignoring entries outside a role's paths, first hit wins.
 */
public final class TargetResolver {
    private final Map<String, TrustedTargetsRole> roles;

    /** @param roles the verified roles by name; roles missing here (not published, invalid) are skipped. */
    public TargetResolver(Map<String, TrustedTargetsRole> roles) {
        this.roles = Map.copyOf(roles);
    }

    /** {@code notary list}: every target, each from the first role (by priority, then walk order) listing it. */
    public List<FoundTarget> list(List<String> searchRoles) {
        List<String> order = searchRoles.isEmpty() ? List.of(RoleName.TARGETS) : searchRoles;
        Map<String, FoundTarget> found = new LinkedHashMap<>();
        for (String start : order) {
            walk("", start, skipping(order, start), role -> {
                role.targets().targets().forEach((name, meta) -> {
                    if (!found.containsKey(name) && role.grant().allows(name)) {
                        found.put(name, new FoundTarget(name, meta, role.name()));
                    }
                });
                return false;
            });
        }
        return List.copyOf(found.values());
    }

    /** {@code notary lookup}: the first role, by priority then walk order, that lists {@code name}. */
    public Optional<FoundTarget> lookup(String name, List<String> searchRoles) {
        List<String> order = searchRoles.isEmpty() ? List.of(RoleName.TARGETS) : searchRoles;
        for (String start : order) {
            List<FoundTarget> hit = new ArrayList<>(1);
            walk(name, start, skipping(order, start), role -> {
                FileMeta meta = role.targets().targets().get(name);
                if (meta != null) {
                    hit.add(new FoundTarget(name, meta, role.name()));
                    return true;
                }
                return false;
            });
            if (!hit.isEmpty()) {
                return Optional.of(hit.get(0));
            }
        }
        return Optional.empty();
    }

    /** Every trusted role that lists {@code name} within its paths, in walk order: the signers of that target. */
    public List<FoundTarget> findAll(String name) {
        List<FoundTarget> hits = new ArrayList<>();
        walk(name, RoleName.TARGETS, Set.of(), role -> {
            FileMeta meta = role.targets().targets().get(name);
            if (meta != null) {
                hits.add(new FoundTarget(name, meta, role.name()));
            }
            return false;
        });
        return hits;
    }

    private static Set<String> skipping(List<String> order, String start) {
        Set<String> skip = new java.util.HashSet<>(order);
        skip.remove(start);
        return skip;
    }

    /**
     * Visits the roles of {@code rolePath}'s subtree that fit {@code targetPath} ("" fits all), breadth-first;
     * the visitor returns true to stop. Roles in {@code skip} are neither visited nor descended into.
     */
    private void walk(String targetPath, String rolePath, Set<String> skip, Predicate<TrustedTargetsRole> visitor) {
        TrustedTargetsRole top = roles.get(RoleName.TARGETS);
        if (top == null) {
            return;
        }
        Deque<RoleGrant> queue = new ArrayDeque<>();
        queue.add(top.grant());
        while (!queue.isEmpty()) {
            RoleGrant grant = queue.removeFirst();
            TrustedTargetsRole role = roles.get(grant.name());
            if (role == null) {
                continue;
            }
            // Grants come from the verified parents, so use them rather than any stored for the role itself.
            TrustedTargetsRole current = new TrustedTargetsRole(grant, role.targets());
            if (rolePath.startsWith(grant.name() + "/")) {
                queue.addAll(current.children());
                continue;
            }
            boolean fits = targetPath.isEmpty() || grant.allows(targetPath);
            boolean inSubtree = rolePath.isEmpty() || rolePath.equals(grant.name())
                    || grant.name().startsWith(rolePath + "/");
            if (fits && inSubtree && !skip.contains(grant.name())) {
                if (visitor.test(current)) {
                    return;
                }
                queue.addAll(current.children());
            }
        }
    }
}
