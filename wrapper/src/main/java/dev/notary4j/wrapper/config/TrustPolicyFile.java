package dev.notary4j.wrapper.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.client.targets.TargetPolicy;
import dev.notary4j.client.trust.TrustPinning;
import dev.notary4j.wrapper.policy.TrustPolicies;
import dev.notary4j.wrapper.policy.TrustPolicy;
import dev.notary4j.wrapper.policy.VerificationLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A trust-policy document in Notation's shape, adapted to Notary v1:
 * <pre>{@code
 * {"version": "1.0", "trustPolicies": [{
 *     "name": "prod", "registryScopes": ["registry.example.com/app"],
 *     "signatureVerification": {"level": "strict"},
 *     "trustStores": ["ca:certs/root-ca.crt", "cert:<TUF key ID of a root certificate>", "tofu"],
 *     "trustedIdentities": ["targets/releases", "targets/alice"]}]}
 * }</pre>
 * {@code trustedIdentities} are the signer roles that must all list a target with the same content ({@code *}:
 * any role, notary's first-hit rule). Every error names the offending field.
 */
public final class TrustPolicyFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustPolicyFile() {
    }

    public static TrustPolicies load(Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("trust_policy_file", "cannot read " + file + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException("trust_policy_file", file + " must hold a JSON object");
        }
        Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        return parse(new JsonFields(tree, ""), base);
    }

    static TrustPolicies parse(JsonFields root, Path base) {
        if (!"1.0".equals(root.string("version").orElse(null))) {
            throw new ConfigException("version", "must be \"1.0\"");
        }
        JsonNode list = root.raw().get("trustPolicies");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ConfigException("trustPolicies", "must be a non-empty array");
        }
        List<TrustPolicy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> scopeOwners = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "trustPolicies[" + i + "]";
            if (!list.get(i).isObject()) {
                throw new ConfigException(path, "must be an object");
            }
            TrustPolicy policy = policy(new JsonFields(list.get(i), path), base);
            if (!names.add(policy.name())) {
                throw new ConfigException(path + ".name", "duplicate policy name " + policy.name());
            }
            for (String scope : policy.registryScopes()) {
                String owner = scopeOwners.putIfAbsent(scope, policy.name());
                if (owner != null) {
                    throw new ConfigException(path + ".registryScopes", scope + " is already in policy " + owner);
                }
            }
            policies.add(policy);
        }
        return new TrustPolicies(policies);
    }

    private static TrustPolicy policy(JsonFields p, Path base) {
        String name = p.requiredString("name");
        List<String> scopes = p.strings("registryScopes");
        if (scopes.isEmpty()) {
            throw new ConfigException(p.path("registryScopes"), "must name at least one repository or *");
        }
        if (scopes.contains(TrustPolicy.ANY_SCOPE) && scopes.size() > 1) {
            throw new ConfigException(p.path("registryScopes"), "* cannot be combined with other scopes");
        }
        JsonFields verification = p.object("signatureVerification");
        String levelText = verification.requiredString("level");
        VerificationLevel level = switch (levelText.toLowerCase(Locale.ROOT)) {
            case "strict" -> VerificationLevel.STRICT;
            case "audit" -> VerificationLevel.AUDIT;
            default -> throw new ConfigException(verification.path("level"), "must be strict or audit, not " + levelText);
        };
        return new TrustPolicy(name, scopes, level, pinning(p, base), targetPolicy(p));
    }

    /** Each policy has its own client, so its pins apply to every GUN it covers (CA prefix "", cert wildcard "*"). */
    private static TrustPinning pinning(JsonFields p, Path base) {
        List<String> stores = p.strings("trustStores");
        if (stores.isEmpty()) {
            throw new ConfigException(p.path("trustStores"), "must name at least one trust store (ca:FILE, cert:ID or tofu)");
        }
        List<X509Certificate> cas = new ArrayList<>();
        List<String> certIds = new ArrayList<>();
        boolean tofu = false;
        for (String store : stores) {
            if (store.equals("tofu")) {
                tofu = true;
            } else if (store.startsWith("ca:") && store.length() > 3) {
                cas.addAll(Certificates.load(p.path("trustStores"), base.resolve(store.substring(3)).normalize()));
            } else if (store.startsWith("cert:") && store.substring(5).matches("[0-9a-f]{64}")) {
                certIds.add(store.substring(5));
            } else {
                throw new ConfigException(p.path("trustStores"),
                        "entries are ca:FILE, cert:<64 hex TUF key ID> or tofu, not " + store);
            }
        }
        Map<String, List<X509Certificate>> ca = cas.isEmpty() ? Map.of() : Map.of("", cas);
        Map<String, List<String>> certs = certIds.isEmpty() ? Map.of() : Map.of("*", certIds);
        return new TrustPinning(certs, ca, !tofu);
    }

    private static TargetPolicy targetPolicy(JsonFields p) {
        List<String> identities = p.strings("trustedIdentities");
        if (identities.isEmpty()) {
            throw new ConfigException(p.path("trustedIdentities"), "must list signer roles (targets, targets/releases, "
                    + "targets/<signer>) or *");
        }
        if (identities.contains("*")) {
            if (identities.size() > 1) {
                throw new ConfigException(p.path("trustedIdentities"), "* cannot be combined with roles");
            }
            return TargetPolicy.NOTARY;
        }
        for (String role : identities) {
            if (!role.equals("targets") && !role.matches("targets(/[a-z0-9][a-z0-9_-]*)+")) {
                throw new ConfigException(p.path("trustedIdentities"), "not a targets role: " + role);
            }
        }
        return new TargetPolicy(new HashSet<>(identities), identities.size());
    }
}
