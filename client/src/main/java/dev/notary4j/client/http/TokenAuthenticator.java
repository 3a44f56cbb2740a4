package dev.notary4j.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers registry-style auth challenges the way notary's client (docker/distribution's token handler) does:
 * a Bearer challenge is exchanged for a token at {@code realm?service=..&scope=..}, with Basic credentials when
 * given; the token is reused until it expires. A Basic challenge is answered with the credentials directly.
 */
public final class TokenAuthenticator {
    /** docker/distribution treats a shorter or missing {@code expires_in} as 60 seconds. */
    static final Duration MINIMUM_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final long MAX_TOKEN_RESPONSE = 1 << 20;

    private final HttpClient http;
    private final Optional<BasicCredentials> credentials;
    private final Clock clock;
    private final Duration timeout;
    private final Map<TokenKey, Token> tokens = new ConcurrentHashMap<>();

    public TokenAuthenticator(HttpClient http, Optional<BasicCredentials> credentials, Clock clock, Duration timeout) {
        this.http = http;
        this.credentials = credentials;
        this.clock = clock;
        this.timeout = timeout;
    }

    private record TokenKey(String realm, String service, String scope) {
    }

    private record Token(String value, Instant expiresAt) {
    }

    /** The Authorization header to send before any challenge was seen: a still valid token for this scope, if any. */
    Optional<String> cachedAuthorization(String scope) {
        Instant now = clock.instant();
        return tokens.entrySet().stream()
                .filter(e -> e.getKey().scope().equals(scope) && e.getValue().expiresAt().isAfter(now))
                .map(e -> "Bearer " + e.getValue().value())
                .findFirst();
    }

    /** The Authorization header that answers {@code challenge} for {@code scope}, fetching a token if needed. */
    String authorize(String name, AuthChallenge challenge, String scope) throws FetchException {
        if (challenge.scheme().equals("basic")) {
            return credentials.map(BasicCredentials::authorizationHeader)
                    .orElseThrow(() -> new UnauthorizedException(name, "no credentials for Basic authentication"));
        }
        if (!challenge.scheme().equals("bearer")) {
            throw new UnauthorizedException(name, "unsupported authentication scheme " + challenge.scheme());
        }
        String realm = challenge.parameter("realm")
                .orElseThrow(() -> new UnauthorizedException(name, "Bearer challenge without realm"));
        TokenKey key = new TokenKey(realm, challenge.parameter("service").orElse(""), scope);
        Token cached = tokens.get(key);
        if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
            return "Bearer " + cached.value();
        }
        Token fresh = requestToken(name, key);
        tokens.put(key, fresh);
        return "Bearer " + fresh.value();
    }

    private Token requestToken(String name, TokenKey key) throws FetchException {
        StringBuilder query = new StringBuilder();
        if (!key.service().isEmpty()) {
            query.append("service=").append(URLEncoder.encode(key.service(), StandardCharsets.UTF_8));
        }
        if (!key.scope().isEmpty()) {
            query.append(query.length() == 0 ? "" : "&").append("scope=")
                    .append(URLEncoder.encode(key.scope(), StandardCharsets.UTF_8));
        }
        URI uri;
        try {
            uri = URI.create(key.realm() + (query.length() == 0 ? "" : (key.realm().contains("?") ? "&" : "?") + query));
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException(name, "invalid token realm");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        credentials.ifPresent(c -> request.header("Authorization", c.authorizationHeader()));
        Instant requestedAt = clock.instant();
        HttpResponse<CappedBody> response = CappedBody.exchange(http, request.build(), name, MAX_TOKEN_RESPONSE, 0, timeout);
        if (response.statusCode() != 200) {
            throw new UnauthorizedException(name, "token server answered " + response.statusCode());
        }
        JsonNode body;
        try {
            body = TokenJson.MAPPER.readTree(CappedBody.okBody(name, response, MAX_TOKEN_RESPONSE));
        } catch (IOException e) {
            throw new UnauthorizedException(name, "token server sent invalid JSON");
        }
        String value = body.path("token").asText("");
        if (value.isEmpty()) {
            value = body.path("access_token").asText("");
        }
        if (value.isEmpty()) {
            throw new UnauthorizedException(name, "token server sent no token");
        }
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(0));
        if (lifetime.compareTo(MINIMUM_TOKEN_LIFETIME) < 0) {
            lifetime = MINIMUM_TOKEN_LIFETIME;
        }
        return new Token(value, issuedAt(body).orElse(requestedAt).plus(lifetime));
    }

    private static Optional<Instant> issuedAt(JsonNode body) {
        String text = body.path("issued_at").asText("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Made when a token is first fetched: an ObjectMapper costs ~50 ms of a fresh JVM, and servers without token
     * auth need none.
     */
    private static final class TokenJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
