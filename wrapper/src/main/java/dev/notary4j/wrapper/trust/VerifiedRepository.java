package dev.notary4j.wrapper.trust;

import dev.notary4j.client.TrustedRepository;
import dev.notary4j.client.targets.FoundTarget;
import dev.notary4j.client.targets.TargetPolicy;
import dev.notary4j.client.targets.TargetPolicyException;
import dev.notary4j.wrapper.policy.TrustPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A verified repository read under the trust policy that covers its GUN. */
public record VerifiedRepository(String serverName, TrustedRepository repository, TrustPolicy policy) {
    public String gun() {
        return repository.gun();
    }

    /** The target the policy accepts for {@code tag}; a {@link TrustFailure} NOT_SIGNED otherwise. */
    public TargetPolicy.AgreedTarget tag(String tag) {
        try {
            return repository.lookup(tag, policy.targetPolicy());
        } catch (TargetPolicyException e) {
            throw new TrustFailure(TrustFailure.Kind.NOT_SIGNED, gun() + ":" + tag + ": " + e.getMessage());
        }
    }

    /** Every target the policy accepts, each as the policy chose it (notary's {@code list} for the default policy). */
    public List<FoundTarget> targets() {
        List<FoundTarget> listed = repository.list(List.of());
        if (policy.targetPolicy().equals(TargetPolicy.NOTARY)) {
            return listed;
        }
        return listed.stream().map(t -> accepted(t.name())).flatMap(Optional::stream).toList();
    }

    /** The accepted targets whose sha256 is {@code hex} (lowercase, no prefix). */
    public List<FoundTarget> withDigest(String hex) {
        String wanted = hex.toLowerCase(Locale.ROOT);
        return targets().stream().filter(t -> t.sha256Hex().map(wanted::equals).orElse(false)).toList();
    }

    private Optional<FoundTarget> accepted(String name) {
        try {
            return Optional.of(repository.lookup(name, policy.targetPolicy()).target());
        } catch (TargetPolicyException e) {
            return Optional.empty();
        }
    }
}
