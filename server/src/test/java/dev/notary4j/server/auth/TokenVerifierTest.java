package dev.notary4j.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.testkit.TestClock;
import io.jsonwebtoken.Jwts;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** distribution's token rules one by one: key lookup by kid, claims, leeway, algorithms, access. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<Map<String, Object>> PULL = List.of(Map.of("type", "repository", "name", "a/b",
            "actions", List.of("pull")));

    private KeyPair keys;
    private TokenVerifier verifier;
    private final TestClock clock = TestClock.at(NOW);
    private Path dir;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        this.dir = dir;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keys = generator.generateKeyPair();
        verifier = verifierTrusting(certificate(NOW.plus(Duration.ofDays(1))));
    }

    private X509Certificate certificate(Instant notAfter) throws Exception {
        X500Principal name = new X500Principal("CN=token signer");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(NOW.minus(Duration.ofDays(1))), Date.from(notAfter),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private TokenVerifier verifierTrusting(X509Certificate cert) throws Exception {
        Path bundle = Files.createTempFile(dir, "bundle", ".pem");
        Files.writeString(bundle, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return new TokenVerifier("issuer", "service", TrustedSigners.load(bundle), clock);
    }

    private io.jsonwebtoken.JwtBuilder token() {
        return Jwts.builder().header().keyId(TrustedSigners.libtrustKeyId(keys.getPublic())).and()
                .issuer("issuer").claim("aud", "service").expiration(Date.from(NOW.plusSeconds(300)))
                .claim("access", PULL).signWith(keys.getPrivate(), Jwts.SIG.ES256);
    }

    @Test
    void acceptsATokenSignedByTheBundleKeyNamedByItsLibtrustKeyId() throws Exception {
        GrantedAccess access = verifier.verify(token().compact());
        assertThat(access.allows(new Access("repository", "a/b", "pull"))).isTrue();
        assertThat(access.allows(new Access("repository", "a/b", "push"))).isFalse();
        assertThat(access.allows(new Access("repository", "a/c", "pull"))).isFalse();
    }

    @Test
    void libtrustKeyIdIsTwelveGroupsOfFourBase32Characters() {
        assertThat(TrustedSigners.libtrustKeyId(keys.getPublic())).matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}");
    }

    @Test
    void wildcardActionGrantsEveryAction() throws Exception {
        GrantedAccess access = verifier.verify(token().claim("access", List.of(Map.of("type", "repository",
                "name", "a/b", "actions", List.of("*")))).compact());
        assertThat(access.allows(new Access("repository", "a/b", "*"))).isTrue();
        assertThat(access.allows(new Access("repository", "a/b", "push"))).isTrue();
    }

    @Test
    void leewayIsOneMinuteEitherSide() throws Exception {
        verifier.verify(token().expiration(Date.from(NOW.minusSeconds(50))).compact());
        verifier.verify(token().notBefore(Date.from(NOW.plusSeconds(50))).compact());
        assertRefused(token().expiration(Date.from(NOW.minusSeconds(70))).compact(), "expired");
        assertRefused(token().notBefore(Date.from(NOW.plusSeconds(70))).compact(), "before");
    }

    @Test
    void refusesWrongIssuerAudienceAudienceListMissingExpiryUnknownKidAndHmac() {
        assertRefused(token().issuer("other").compact(), "issuer");
        assertRefused(token().claim("aud", "other").compact(), "audience");
        assertRefused(token().claim("aud", List.of("service")).compact(), "audience");
        assertRefused(token().expiration(null).compact(), "expired");
        assertRefused(token().header().keyId("AAAA:BBBB").and().compact(), "untrusted key");
        String hmac = Jwts.builder().header().keyId(TrustedSigners.libtrustKeyId(keys.getPublic())).and()
                .issuer("issuer").claim("aud", "service").expiration(Date.from(NOW.plusSeconds(300)))
                .signWith(Jwts.SIG.HS256.key().build()).compact();
        assertRefused(hmac, "algorithm");
        assertRefused(token().compact().replaceAll("\\.[^.]*$", "."), "signature");
        assertRefused("a.b", "three parts");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        String token = token().compact();
        verifier.verify(token);
        clock.set(NOW.plusSeconds(300 + TokenVerifier.LEEWAY_SECONDS - 1));
        verifier.verify(token);
        clock.set(NOW.plusSeconds(300 + TokenVerifier.LEEWAY_SECONDS + 1));
        assertRefused(token, "expired");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsCertificateChainExpires() throws Exception {
        X509Certificate shortLived = certificate(NOW.plusSeconds(120));
        TokenVerifier trustingShortLived = verifierTrusting(shortLived);
        String token = token().header().keyId(null).add("x5c", List.of(Base64.getEncoder()
                .encodeToString(shortLived.getEncoded()))).and().expiration(Date.from(NOW.plus(Duration.ofHours(1))))
                .compact();
        trustingShortLived.verify(token);
        clock.set(NOW.plusSeconds(119));
        trustingShortLived.verify(token);
        clock.set(NOW.plusSeconds(121));
        assertThatThrownBy(() -> trustingShortLived.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rememberingATokenDoesNotAdmitATamperedCopy() throws Exception {
        String token = token().compact();
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"pull\"", "\"*\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + widened + "." + parts[2], "signature");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(reason);
    }
}
