package dev.notary4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Path variables of the routes: each route yields the groups its pattern names and null for the others. */
class RouterTest {

    private static RouteMatch matched(String method, String path) {
        Router.Decision decision = Router.route(method, path, path, null);
        assertThat(decision).isInstanceOf(Router.Matched.class);
        return ((Router.Matched) decision).match();
    }

    @Test
    void versionedGetHasGunRoleAndVersionButNoChecksum() {
        RouteMatch match = matched("GET", "/v2/example.com/app/_trust/tuf/3.targets/releases.json");
        assertThat(match.route()).isEqualTo(Route.GET_BY_VERSION);
        assertThat(match.gun()).isEqualTo("example.com/app");
        assertThat(match.role()).isEqualTo("targets/releases");
        assertThat(match.version()).isEqualTo("3");
        assertThat(match.checksum()).isNull();
    }

    @Test
    void checksumGetHasGunRoleAndChecksumButNoVersion() {
        String checksum = "ab".repeat(32);
        RouteMatch match = matched("GET", "/v2/example.com/app/_trust/tuf/snapshot." + checksum + ".json");
        assertThat(match.route()).isEqualTo(Route.GET_BY_CHECKSUM);
        assertThat(match.gun()).isEqualTo("example.com/app");
        assertThat(match.role()).isEqualTo("snapshot");
        assertThat(match.checksum()).isEqualTo(checksum);
        assertThat(match.version()).isNull();
    }

    @Test
    void updateHasOnlyTheGun() {
        RouteMatch match = matched("POST", "/v2/example.com/app/_trust/tuf/");
        assertThat(match.route()).isEqualTo(Route.UPDATE);
        assertThat(match.gun()).isEqualTo("example.com/app");
        assertThat(match.role()).isNull();
        assertThat(match.checksum()).isNull();
        assertThat(match.version()).isNull();
    }

    @Test
    void routesWithoutVariablesHaveNone() {
        for (String path : new String[] {"/v2/", "/_notary_server/health", "/v2/_trust/changefeed", "/nowhere"}) {
            RouteMatch match = matched("GET", path);
            assertThat(match.gun()).as(path).isNull();
            assertThat(match.role()).as(path).isNull();
            assertThat(match.checksum()).as(path).isNull();
            assertThat(match.version()).as(path).isNull();
            assertThat(match.route().hasGun()).as(path).isFalse();
        }
        assertThat(Route.GUN_CHANGEFEED.hasGun()).isTrue();
    }
}
