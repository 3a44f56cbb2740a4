package dev.notary4j.tuf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.GoVectors;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoleNameTest {
    static Stream<Arguments> goVectors() {
        return GoVectors.rows("role-names.tsv").stream().map(r -> Arguments.of(
                new String(GoVectors.b64(r[0]), StandardCharsets.UTF_8), Boolean.parseBoolean(r[1]),
                Boolean.parseBoolean(r[2]), new String(GoVectors.b64(r[3]), StandardCharsets.UTF_8),
                new String(GoVectors.b64(r[4]), StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("goVectors")
    void matchesNotary(String name, boolean delegation, boolean valid, String clean, String dir) {
        assertThat(RoleName.isDelegation(name)).isEqualTo(delegation);
        assertThat(RoleName.isValid(name)).isEqualTo(valid);
        assertThat(GoPath.clean(name)).isEqualTo(clean);
        assertThat(GoPath.dir(name)).isEqualTo(dir);
    }

    @Test
    void childrenAndAncestors() {
        assertThat(RoleName.isDirectChild("targets/a", "targets")).isTrue();
        assertThat(RoleName.isDirectChild("targets/a/b", "targets/a")).isTrue();
        assertThat(RoleName.isDirectChild("targets/a/b", "targets")).isFalse();
        assertThat(RoleName.isDirectChild("targets/B", "targets")).isFalse();
        assertThat(RoleName.ancestors("targets/a/b/c")).containsExactly("targets", "targets/a", "targets/a/b");
        assertThat(RoleName.ancestors("targets/a")).containsExactly("targets");
        assertThat(RoleName.tufType("targets/a")).isEqualTo("Targets");
        assertThat(RoleName.tufType("timestamp")).isEqualTo("Timestamp");
        assertThat(RoleName.tufType("targets/A")).isNull();
    }

    @Test
    void requireValidUsesNotarysMessage() {
        assertThatThrownBy(() -> RoleName.requireValid("targets/a.b"))
                .isInstanceOfSatisfying(InvalidRoleException.class, e -> assertThat(e.role()).isEqualTo("targets/a.b"))
                .hasMessage("tuf: invalid role targets/a.b.");
    }
}
