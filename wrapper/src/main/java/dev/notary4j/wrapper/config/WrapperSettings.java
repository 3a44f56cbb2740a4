package dev.notary4j.wrapper.config;

import dev.notary4j.wrapper.policy.TrustPolicies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the wrapper runs with.
 *
 * @param notaryServers     the allow-list: request {@code notaryServer} value to where it really goes
 * @param cacheTtl          how long a verified repository is answered from memory before its timestamp is re-fetched
 * @param maxRepositories   how many (server, GUN) states are kept in memory
 * @param failureStatus     the status for unverifiable trust data or an unreachable server (5xx, or 404)
 * @param admission         the {@code notaryServer} AdmissionReview and Gatekeeper images are checked against
 */
public record WrapperSettings(ListenSettings listen, Path trustDir, Map<String, NotaryServerSettings> notaryServers,
        TrustPolicies policies, Duration cacheTtl, int maxRepositories, int failureStatus, int maxBodyBytes,
        AdmissionRouting admission) {
    public WrapperSettings {
        notaryServers = Map.copyOf(notaryServers);
    }
}
