package dev.notary4j.tuf.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.KeyAlgorithm;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.crypto.TufPrivateKey;
import dev.notary4j.tuf.model.MetadataSigner;
import dev.notary4j.tuf.model.Role;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedEnvelope;
import dev.notary4j.tuf.model.SignedMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RootCertificateTrustTest {
    private static final String GUN = "example.com/app";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final TufPrivateKey oldKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    private final TufKey oldCert = certificate(oldKey, GUN, NOW.plus(Duration.ofDays(365)));
    private final TufPrivateKey newKey = TufPrivateKey.generate(KeyAlgorithm.ECDSA);
    private final TufKey newCert = certificate(newKey, GUN, NOW.plus(Duration.ofDays(365)));

    @Test
    void selfSignedRootWithValidLeafIsTrustedOnFirstUse() {
        SignedEnvelope envelope = signed(root(newCert), newKey, newCert);
        assertThatCode(() -> RootCertificateTrust.verify(envelope, root(newCert), Optional.empty(), GUN, NOW,
                RootCertificateTrust.TOFU)).doesNotThrowAnyException();
    }

    @Test
    void rootWithoutValidLeafIsRefused() {
        TufKey otherGun = certificate(newKey, "example.com/other", NOW.plus(Duration.ofDays(365)));
        assertRefused(signed(root(otherGun), newKey, otherGun), root(otherGun), Optional.empty(),
                UntrustedRootException.Kind.VALIDATION,
                "could not validate the path to a trusted root: unable to retrieve valid leaf certificates");
    }

    @Test
    void rotationNeedsThePreviousRootsCertificatesAtTheirThreshold() {
        Root rotated = root(newCert);
        assertRefused(signed(rotated, newKey, newCert), rotated, Optional.of(root(oldCert)),
                UntrustedRootException.Kind.ROTATION,
                "could not rotate trust to a new trusted root: failed to validate data with current trusted certificates");
        SignedEnvelope both = SignedMetadata.sign(rotated, List.of(MetadataSigner.of(oldKey, oldCert.id()),
                MetadataSigner.of(newKey, newCert.id()))).envelope();
        assertThatCode(() -> RootCertificateTrust.verify(both, rotated, Optional.of(root(oldCert)), GUN, NOW,
                RootCertificateTrust.TOFU)).doesNotThrowAnyException();
    }

    @Test
    void previousRootCertificatesCountEvenWhenExpired() {
        TufKey expiredOld = certificate(oldKey, GUN, NOW.minus(Duration.ofDays(1)));
        Root rotated = root(newCert);
        SignedEnvelope both = SignedMetadata.sign(rotated, List.of(MetadataSigner.of(oldKey, expiredOld.id()),
                MetadataSigner.of(newKey, newCert.id()))).envelope();
        assertThatCode(() -> RootCertificateTrust.verify(both, rotated, Optional.of(root(expiredOld)), GUN, NOW,
                RootCertificateTrust.TOFU)).doesNotThrowAnyException();
    }

    @Test
    void previousRootWithoutCertificatesForTheGunCannotVouch() {
        TufKey otherGun = certificate(oldKey, "example.com/other", NOW.plus(Duration.ofDays(365)));
        assertRefused(signed(root(newCert), newKey, newCert), root(newCert), Optional.of(root(otherGun)),
                UntrustedRootException.Kind.VALIDATION,
                "could not validate the path to a trusted root: could not retrieve trusted certs from previous root "
                        + "role data");
    }

    @Test
    void pinningThatKeepsNoLeafAndMissingSelfSignatureAreRefused() {
        Root candidate = root(newCert);
        assertThatThrownBy(() -> RootCertificateTrust.verify(signed(candidate, newKey, newCert), candidate,
                Optional.empty(), GUN, NOW, leaves -> List.of()))
                .hasMessage("could not validate the path to a trusted root: unable to match any certificates to "
                        + "trust_pinning config");
        assertRefused(signed(candidate, oldKey, oldCert), candidate, Optional.empty(),
                UntrustedRootException.Kind.VALIDATION,
                "could not validate the path to a trusted root: failed to validate integrity of roots");
    }

    private static void assertRefused(SignedEnvelope envelope, Root candidate, Optional<Root> previous,
            UntrustedRootException.Kind kind, String message) {
        assertThatThrownBy(() -> RootCertificateTrust.verify(envelope, candidate, previous, GUN, NOW,
                RootCertificateTrust.TOFU))
                .isInstanceOfSatisfying(UntrustedRootException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(kind))
                .hasMessage(message);
    }

    private static TufKey certificate(TufPrivateKey key, String commonName, Instant notAfter) {
        return Certificates.generateRootCertificate(key, commonName, NOW.minus(Duration.ofDays(30)), notAfter);
    }

    private static Root root(TufKey... rootKeys) {
        Map<String, TufKey> keys = Arrays.stream(rootKeys).collect(Collectors.toMap(TufKey::id, Function.identity()));
        Role role = new Role(List.copyOf(keys.keySet()), 1);
        return new Root(OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 1, keys,
                Map.of("root", role, "targets", role, "snapshot", role, "timestamp", role), false);
    }

    private static SignedEnvelope signed(Root body, TufPrivateKey key, TufKey certificate) {
        return SignedMetadata.sign(body, List.of(MetadataSigner.of(key, certificate.id()))).envelope();
    }
}
