package dev.notary4j.server.auth;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docker distribution's token access controller as notary-server uses it: a request passes when its bearer token
 * verifies and grants every required access; otherwise it gets a {@link Challenge}.
 */
public final class TokenAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthenticator.class);

    private final TokenAuthSettings settings;
    private final TokenVerifier verifier;

    public TokenAuthenticator(TokenAuthSettings settings, TokenVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
    }

    public static TokenAuthenticator create(TokenAuthSettings settings, Clock clock) {
        return new TokenAuthenticator(settings, new TokenVerifier(settings.issuer(), settings.service(),
                TrustedSigners.load(settings.rootCertBundle()), clock));
    }

    /**
     * Empty when allowed. {@code authorization} is the Authorization header (may be null); {@code host} the request's
     * Host, which becomes the realm's host with {@code autoredirect}.
     */
    public Optional<Challenge> check(String authorization, String host, List<Access> required) {
        String realm = settings.autoRedirect() ? "https://" + host + "/auth/token" : settings.realm();
        String[] parts = authorization == null ? new String[0] : authorization.split(" ", -1);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            LOG.debug("no bearer token for {}", required);
            return Optional.of(new Challenge(realm, settings.service(), required, Optional.empty()));
        }
        GrantedAccess granted;
        try {
            granted = verifier.verify(parts[1]);
        } catch (InvalidTokenException e) {
            LOG.info("refused bearer token: {}", e.getMessage());
            return Optional.of(new Challenge(realm, settings.service(), required, Optional.of("invalid_token")));
        }
        if (!required.stream().allMatch(granted::allows)) {
            LOG.info("token of {} does not grant {}", granted.subject(), required);
            return Optional.of(new Challenge(realm, settings.service(), required, Optional.of("insufficient_scope")));
        }
        return Optional.empty();
    }
}
