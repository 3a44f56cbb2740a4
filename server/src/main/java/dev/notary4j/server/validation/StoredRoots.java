package dev.notary4j.server.validation;

import dev.notary4j.server.storage.StoredFile;
import dev.notary4j.tuf.crypto.CertificateRuleException;
import dev.notary4j.tuf.crypto.Certificates;
import dev.notary4j.tuf.crypto.TufKey;
import dev.notary4j.tuf.model.RoleName;
import dev.notary4j.tuf.model.Root;
import dev.notary4j.tuf.model.SignedMetadata;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored root of a GUN loaded as context for an update (B1: certificates checked, signatures verified, expiry
 * ignored), remembered by GUN and content: every publish loads the same root, and its certificate parsing and
 * signature verification are most of what validating a small update costs. A remembered root is only reused while
 * the outcome cannot differ: every root-role certificate was valid when it loaded and none has expired since.
 */
final class StoredRoots {

    private static final int MAX_ENTRIES = 4_096;

    private record Loaded(SignedMetadata<Root> root, Instant loadedAt, Instant certificatesValidUntil) {
        boolean stillHolds(Instant now) {
            return !now.isBefore(loadedAt) && !now.isAfter(certificatesValidUntil);
        }
    }

    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    SignedMetadata<Root> load(String gun, StoredFile file, Instant now) throws RuleViolation {
        String key = gun + "\u0000" + file.sha256();
        Loaded remembered = file.sha256() == null ? null : loaded.get(key);
        if (remembered != null && remembered.stillHolds(now)) {
            return remembered.root();
        }
        SignedMetadata<Root> root = RootRules.load(file.data(), Optional.empty(), 1, true, gun, now);
        if (file.sha256() != null) {
            certificatesValidUntil(root.signed(), now).ifPresent(until -> {
                if (loaded.size() >= MAX_ENTRIES) {
                    loaded.clear();
                }
                loaded.put(key, new Loaded(root, now, until));
            });
        }
        return root;
    }

    /**
     * The earliest expiry among the root role's certificates (leaves and intermediates) when all of them are valid
     * at {@code now}; empty otherwise (then the outcome may change as time passes, so nothing is remembered).
     */
    private static Optional<Instant> certificatesValidUntil(Root root, Instant now) {
        Instant until = Instant.MAX;
        for (String keyId : root.roles().get(RoleName.ROOT).keyIdList()) {
            TufKey key = root.keys().get(keyId);
            if (key == null) {
                return Optional.empty();
            }
            try {
                for (X509Certificate certificate : Certificates.parseBundle(key)) {
                    Certificates.validate(certificate, now);
                    Instant notAfter = certificate.getNotAfter().toInstant();
                    until = notAfter.isBefore(until) ? notAfter : until;
                }
            } catch (CertificateRuleException e) {
                return Optional.empty();
            }
        }
        return Optional.of(until);
    }
}
