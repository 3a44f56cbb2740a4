package dev.notary4j.client.trust;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * notary's {@code trust_pinning}: pinned root certificate TUF IDs per GUN (or {@code prefix*} wildcard), CA
 * bundles per GUN prefix (already loaded: verification does no I/O), and whether trust on first use is off.
 * Applies only when there is no trusted (cached, unexpired) root for the GUN.
 */
public record TrustPinning(Map<String, List<String>> certs, Map<String, List<X509Certificate>> ca, boolean disableTofu) {
    public static final TrustPinning TOFU = new TrustPinning(Map.of(), Map.of(), false);

    public TrustPinning {
        certs = Map.copyOf(certs);
        ca = Map.copyOf(ca);
    }

    /** The pinned cert IDs for {@code gun}: an exact entry, else the longest matching {@code prefix*} wildcard. */
    Optional<List<String>> pinnedCertIds(String gun) {
        List<String> exact = certs.get(gun);
        if (exact != null) {
            return Optional.of(exact);
        }
        return certs.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*") && gun.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The CA bundle of the longest GUN prefix that {@code gun} starts with. */
    Optional<List<X509Certificate>> pinnedCa(String gun) {
        return ca.entrySet().stream()
                .filter(e -> gun.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }
}
