package dev.notary4j.client.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.client.trust.RoleGrant;
import dev.notary4j.client.trust.TrustedTargetsRole;
import dev.notary4j.tuf.model.DelegatedRole;
import dev.notary4j.tuf.model.Delegations;
import dev.notary4j.tuf.model.FileMeta;
import dev.notary4j.tuf.model.Targets;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * notary's read semantics over a fixed tree: targets delegates to a (paths "") and b (paths "b/", "shared"); a
 * delegates to a/x (paths "" restricted to a's). Breadth-first: targets, a, b, a/x.
 */
class TargetResolverTest {
    private static final OffsetDateTime EXPIRES = OffsetDateTime.parse("2030-01-01T00:00:00Z");

    private static FileMeta meta(String content) {
        return FileMeta.of(content.getBytes(StandardCharsets.UTF_8));
    }

    private static Targets targets(Map<String, FileMeta> files, List<DelegatedRole> children) {
        return new Targets(EXPIRES, 1, files, new Delegations(Map.of(), children));
    }

    private final Map<String, TrustedTargetsRole> roles = new LinkedHashMap<>();

    TargetResolverTest() {
        Targets top = targets(Map.of("top", meta("top")), List.of(
                new DelegatedRole("targets/a", List.of(), List.of(""), 1),
                new DelegatedRole("targets/b", List.of(), List.of("b/", "shared"), 1)));
        Targets a = targets(Map.of("deep", meta("a-deep")), List.of(new DelegatedRole("targets/a/x", List.of(), List.of(""), 1)));
        Targets b = targets(Map.of("shared", meta("b-shared"), "b/file", meta("b-file"), "outside", meta("no")), List.of());
        Targets x = targets(Map.of("shared", meta("x-shared"), "deep", meta("x-deep")), List.of());
        RoleGrant topGrant = RoleGrant.topLevel(Map.of(), 1);
        roles.put("targets", new TrustedTargetsRole(topGrant, top));
        // The resolver takes grants from the parents; these stored grants are placeholders.
        roles.put("targets/a", new TrustedTargetsRole(topGrant, a));
        roles.put("targets/b", new TrustedTargetsRole(topGrant, b));
        roles.put("targets/a/x", new TrustedTargetsRole(topGrant, x));
    }

    @Test
    void lookupIsBreadthFirstSoASiblingBeatsANephew() {
        TargetResolver resolver = new TargetResolver(roles);
        assertThat(resolver.lookup("shared", List.of())).hasValueSatisfying(t -> assertThat(t.role()).isEqualTo("targets/b"));
        assertThat(resolver.lookup("deep", List.of())).hasValueSatisfying(t -> assertThat(t.role()).isEqualTo("targets/a"));
    }

    @Test
    void entriesOutsideTheRolesPathsAreIgnored() {
        TargetResolver resolver = new TargetResolver(roles);
        assertThat(resolver.lookup("outside", List.of())).isEmpty();
        assertThat(resolver.list(List.of())).extracting(FoundTarget::name)
                .containsExactlyInAnyOrder("top", "deep", "shared", "b/file");
    }

    @Test
    void listedRolesComeFirstAndAreSkippedInTheOtherWalks() {
        TargetResolver resolver = new TargetResolver(roles);
        assertThat(resolver.list(List.of("targets/a/x", "targets")))
                .filteredOn(t -> t.name().equals("shared") || t.name().equals("deep"))
                .extracting(FoundTarget::role).containsOnly("targets/a/x");
        assertThat(resolver.lookup("deep", List.of("targets/a/x"))).hasValueSatisfying(
                t -> assertThat(t.meta()).isEqualTo(meta("x-deep")));
    }

    @Test
    void findAllReportsEverySigningRole() {
        assertThat(new TargetResolver(roles).findAll("shared")).extracting(FoundTarget::role)
                .containsExactly("targets/b", "targets/a/x");
    }

    @Test
    void policyRequiresRolesAndAgreement() {
        TargetResolver resolver = new TargetResolver(roles);
        List<FoundTarget> signers = resolver.findAll("shared");
        assertThatThrownBy(() -> new TargetPolicy(Set.of("targets/a/x", "targets/b"), 1).evaluate("shared", signers))
                .isInstanceOfSatisfying(TargetPolicyException.class,
                        e -> assertThat(e.listingRoles()).containsExactly("targets/b", "targets/a/x"));
        assertThatThrownBy(() -> new TargetPolicy(Set.of(), 2).evaluate("shared", signers))
                .isInstanceOf(TargetPolicyException.class);
        assertThatThrownBy(() -> new TargetPolicy(Set.of("targets"), 1).evaluate("shared", signers))
                .isInstanceOf(TargetPolicyException.class);
        assertThat(new TargetPolicy(Set.of("targets/a/x"), 1).evaluate("shared", signers).target().meta())
                .isEqualTo(meta("x-shared"));
        assertThat(TargetPolicy.NOTARY.evaluate("shared", signers).target().role()).isEqualTo("targets/b");
    }

    @Test
    void agreementCountsRolesWithTheSameContent() {
        Map<String, TrustedTargetsRole> agreeing = new LinkedHashMap<>(roles);
        RoleGrant grant = RoleGrant.topLevel(Map.of(), 1);
        agreeing.put("targets/a/x", new TrustedTargetsRole(grant, targets(Map.of("shared", meta("b-shared")), List.of())));
        var agreed = new TargetPolicy(Set.of(), 2).evaluate("shared", new TargetResolver(agreeing).findAll("shared"));
        assertThat(agreed.agreeingRoles()).containsExactly("targets/b", "targets/a/x");
    }
}
