package dev.notary4j.server.auth;

import dev.notary4j.common.config.ConfigException;
import dev.notary4j.common.config.NotaryConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code auth.type = "token"} and its options (spec §9). Any other {@code auth.type} means no authentication, as in
 * Go: {@link #from} then answers empty.
 */
public record TokenAuthSettings(String realm, String service, String issuer, Path rootCertBundle,
                                boolean autoRedirect) {

    public static Optional<TokenAuthSettings> from(NotaryConfig config) {
        String type = config.string("auth.type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.equals("token")) {
            return Optional.empty();
        }
        return Optional.of(new TokenAuthSettings(required(config, "realm"), required(config, "service"),
                required(config, "issuer"),
                config.path("auth.options.rootcertbundle")
                        .orElseThrow(() -> missing("rootcertbundle")),
                config.bool("auth.options.autoredirect").orElse(false)));
    }

    private static String required(NotaryConfig config, String option) {
        return config.string("auth.options." + option).filter(v -> !v.isEmpty()).orElseThrow(() -> missing(option));
    }

    private static ConfigException missing(String option) {
        return new ConfigException("token auth requires a valid option string: \"" + option + "\"");
    }
}
