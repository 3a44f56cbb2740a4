package dev.notary4j.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies docker-registry bearer tokens the way docker distribution's token package does: {@code iss} and the
 * single-string {@code aud}, {@code exp}/{@code nbf} with a minute of leeway, the signing key from the {@code x5c}
 * chain, else the {@code jwk}, else the {@code kid}, and the signature (jjwt) with an ES* or RS* algorithm.
 *
 * <p>A client sends the same token with every request for its lifetime (minutes), and checking an ES256 signature
 * costs far more than serving a cached GET, so verified tokens are remembered (bounded, by their exact text) until
 * the earliest of their expiry plus leeway, the signing chain's expiry and {@link #REMEMBER_AT_MOST}; after that
 * they are verified again from scratch, which gives the refusal its usual reason.
 */
public final class TokenVerifier {

    /** distribution's token.Leeway. */
    static final long LEEWAY_SECONDS = 60;
    private static final Set<String> ALGORITHMS = Set.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REMEMBER_AT_MOST = Duration.ofMinutes(5);
    private static final int REMEMBERED_TOKENS = 4096;

    private record Verified(GrantedAccess access, Instant usableUntil) {
    }

    /** A signing key and the moment its certificate chain (if any) stops being valid. */
    private record SigningKey(PublicKey key, Instant validUntil) {
    }

    private final Map<String, Verified> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                    return size() > REMEMBERED_TOKENS;
                }
            });
    private final String issuer;
    private final String service;
    private final TrustedSigners signers;
    private final Clock clock;

    public TokenVerifier(String issuer, String service, TrustedSigners signers, Clock clock) {
        this.issuer = issuer;
        this.service = service;
        this.signers = signers;
        this.clock = clock;
    }

    /** The access the token grants, once everything about it checked out. */
    public GrantedAccess verify(String token) throws InvalidTokenException {
        Instant now = clock.instant();
        Verified remembered = verified.get(token);
        if (remembered != null && now.isBefore(remembered.usableUntil())) {
            return remembered.access();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("malformed token: not three parts");
        }
        JsonNode header = decodeObject(parts[0], "header");
        JsonNode claims = decodeObject(parts[1], "claims");
        checkClaims(claims);
        if (parts[2].isEmpty()) {
            throw new InvalidTokenException("token has no signature");
        }
        String algorithm = header.path("alg").asText("");
        if (!ALGORITHMS.contains(algorithm)) {
            throw new InvalidTokenException("unsupported signing algorithm \"" + algorithm + "\"");
        }
        SigningKey key = signingKey(header);
        try {
            Jwts.parser().verifyWith(key.key()).clock(() -> Date.from(clock.instant()))
                    .clockSkewSeconds(LEEWAY_SECONDS).build().parseSignedClaims(token);
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException("signature does not verify: " + e.getMessage(), e);
        }
        GrantedAccess access = grantedAccess(claims.path("sub").asText(""), claims.path("access"));
        Instant usableUntil = earliest(Instant.ofEpochSecond(numericDate(claims, "exp")).plusSeconds(LEEWAY_SECONDS),
                earliest(key.validUntil(), now.plus(REMEMBER_AT_MOST)));
        verified.put(token, new Verified(access, usableUntil));
        return access;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant chainValidUntil(List<X509Certificate> chain) {
        return chain.stream().map(cert -> cert.getNotAfter().toInstant()).min(Instant::compareTo).orElse(Instant.MAX);
    }

    private void checkClaims(JsonNode claims) throws InvalidTokenException {
        if (!claims.path("iss").isTextual() || !claims.get("iss").asText().equals(issuer)) {
            throw new InvalidTokenException("token from untrusted issuer");
        }
        if (!claims.path("aud").isTextual() || !claims.get("aud").asText().equals(service)) {
            throw new InvalidTokenException("token intended for another audience");
        }
        Instant now = clock.instant();
        long expires = numericDate(claims, "exp");
        if (now.isAfter(Instant.ofEpochSecond(expires).plusSeconds(LEEWAY_SECONDS))) {
            throw new InvalidTokenException("token has expired");
        }
        long notBefore = numericDate(claims, "nbf");
        if (now.isBefore(Instant.ofEpochSecond(notBefore).minusSeconds(LEEWAY_SECONDS))) {
            throw new InvalidTokenException("token used before time");
        }
    }

    /** Go decodes these as int64: absent is 0, anything but an integer is a malformed token. */
    private static long numericDate(JsonNode claims, String name) throws InvalidTokenException {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidTokenException("malformed token: " + name + " is not an integer");
        }
        return value.asLong();
    }

    private SigningKey signingKey(JsonNode header) throws InvalidTokenException {
        Instant now = clock.instant();
        if (header.path("x5c").isArray() && !header.get("x5c").isEmpty()) {
            List<X509Certificate> chain = TrustedSigners.decodeChain(strings(header.get("x5c")));
            return new SigningKey(signers.verifyChain(chain, now), chainValidUntil(chain));
        }
        if (header.hasNonNull("jwk")) {
            PublicJwk<?> jwk = parseJwk(header.get("jwk"));
            if (jwk.getX509Chain() != null && !jwk.getX509Chain().isEmpty()) {
                return new SigningKey(signers.verifyChain(jwk.getX509Chain(), now), chainValidUntil(jwk.getX509Chain()));
            }
            PublicKey key = (PublicKey) jwk.toKey();
            return new SigningKey(signers.byKeyId(TrustedSigners.libtrustKeyId(key))
                    .orElseThrow(() -> new InvalidTokenException("token signed by untrusted jwk")), Instant.MAX);
        }
        String keyId = header.path("kid").asText("");
        if (!keyId.isEmpty()) {
            return new SigningKey(signers.byKeyId(keyId)
                    .orElseThrow(() -> new InvalidTokenException("token signed by untrusted key with ID: " + keyId)),
                    Instant.MAX);
        }
        throw new InvalidTokenException("unable to get token signing key");
    }

    private static PublicJwk<?> parseJwk(JsonNode jwk) throws InvalidTokenException {
        try {
            if (Jwks.parser().build().parse(JSON.writeValueAsString(jwk)) instanceof PublicJwk<?> key) {
                return key;
            }
        } catch (IOException | JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException("malformed jwk: " + e.getMessage(), e);
        }
        throw new InvalidTokenException("jwk is not a public key");
    }

    private static JsonNode decodeObject(String part, String what) throws InvalidTokenException {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("malformed token: " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException("malformed token " + what + ": " + e.getMessage(), e);
        }
    }

    private static GrantedAccess grantedAccess(String subject, JsonNode access) throws InvalidTokenException {
        Map<String, Set<String>> granted = new HashMap<>();
        if (access.isMissingNode() || access.isNull()) {
            return new GrantedAccess(subject, granted);
        }
        if (!access.isArray()) {
            throw new InvalidTokenException("malformed token: access is not a list");
        }
        for (JsonNode entry : access) {
            granted.computeIfAbsent(GrantedAccess.resource(entry.path("type").asText(""), entry.path("name").asText("")),
                    k -> new HashSet<>()).addAll(strings(entry.path("actions")));
        }
        return new GrantedAccess(subject, granted);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
