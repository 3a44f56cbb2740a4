package dev.notary4j.wrapper.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notary4j.client.http.BasicCredentials;
import dev.notary4j.client.targets.TargetPolicy;
import dev.notary4j.client.trust.TrustPinning;
import dev.notary4j.wrapper.policy.TrustPolicies;
import dev.notary4j.wrapper.policy.TrustPolicy;
import dev.notary4j.wrapper.policy.VerificationLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the wrapper's JSON configuration file (notary's style: snake_case sections, file paths relative to the
 * file) and applies environment overrides ({@link #ENVIRONMENT}, plus notary-wrapper's {@code NOTARY_PORT}).
 */
public final class SettingsLoader {
    /** Environment variable to the dotted configuration field it overrides. */
    public static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("NOTARY_WRAPPER_HTTP_ADDR", "server.http_addr"),
            Map.entry("NOTARY_WRAPPER_TLS_CERT_FILE", "server.tls_cert_file"),
            Map.entry("NOTARY_WRAPPER_TLS_KEY_FILE", "server.tls_key_file"),
            Map.entry("NOTARY_WRAPPER_CLIENT_CA_FILE", "server.client_ca_file"),
            Map.entry("NOTARY_WRAPPER_TRUST_DIR", "trust_dir"),
            Map.entry("NOTARY_WRAPPER_CACHE_TTL", "cache.ttl"),
            Map.entry("NOTARY_WRAPPER_CACHE_MAX_REPOSITORIES", "cache.max_repositories"),
            Map.entry("NOTARY_WRAPPER_FAILURE_STATUS", "failure_status"),
            Map.entry("NOTARY_WRAPPER_MAX_BODY_BYTES", "max_body_bytes"),
            Map.entry("NOTARY_WRAPPER_TRUST_POLICY_FILE", "trust_policy_file"),
            Map.entry("NOTARY_WRAPPER_ADMISSION_NOTARY_SERVER", "admission.notary_server"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsLoader() {
    }

    public static WrapperSettings load(Path file, Map<String, String> environment) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("config", "cannot read " + file + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException("config", file + " must hold a JSON object");
        }
        applyEnvironment((ObjectNode) tree, environment);
        Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        return parse(new JsonFields(tree, ""), base);
    }

    private static void applyEnvironment(ObjectNode root, Map<String, String> environment) {
        ENVIRONMENT.forEach((variable, field) -> Optional.ofNullable(environment.get(variable)).ifPresent(value -> {
            String[] parts = field.split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
            }
            parent.put(parts[parts.length - 1], value);
        }));
        Optional.ofNullable(environment.get("NOTARY_PORT")).ifPresent(port -> {
            ObjectNode server = root.get("server") instanceof ObjectNode o ? o : root.putObject("server");
            server.put("http_addr", ":" + port);
        });
    }

    private static WrapperSettings parse(JsonFields root, Path base) {
        ListenSettings listen = listen(root.object("server"), base);
        Path trustDir = root.file("trust_dir", base).orElseThrow(() -> new ConfigException("trust_dir", "is required"));
        Map<String, NotaryServerSettings> servers = notaryServers(root, base);
        TrustPolicies policies = root.file("trust_policy_file", base)
                .map(TrustPolicyFile::load)
                .orElseGet(() -> new TrustPolicies(List.of(defaultPolicy(root, base))));
        JsonFields cache = root.object("cache");
        Duration ttl = Durations.parse(cache.path("ttl"), cache.string("ttl").orElse("30s"));
        int maxRepositories = cache.integer("max_repositories", 1000);
        if (maxRepositories < 1) {
            throw new ConfigException(cache.path("max_repositories"), "must be at least 1");
        }
        int failureStatus = root.integer("failure_status", 503);
        if (failureStatus != 404 && (failureStatus < 500 || failureStatus > 599)) {
            throw new ConfigException("failure_status", "must be 404 or a 5xx status (fail closed), not " + failureStatus);
        }
        int maxBody = root.integer("max_body_bytes", 1 << 20);
        if (maxBody < 1024) {
            throw new ConfigException("max_body_bytes", "must be at least 1024");
        }
        JsonFields admission = root.object("admission");
        // With a single notary server there is nothing to choose.
        Optional<String> admissionServer = admission.string("notary_server")
                .or(() -> servers.size() == 1 ? Optional.of(servers.keySet().iterator().next()) : Optional.empty());
        admissionServer.ifPresent(name -> requireServer(servers, admission.path("notary_server"), name));
        Map<String, String> byPrefix = new LinkedHashMap<>();
        JsonFields prefixes = admission.object("notary_servers_by_prefix");
        for (Iterator<String> it = prefixes.raw().fieldNames(); it.hasNext(); ) {
            String prefix = it.next();
            String name = prefixes.requiredString(prefix);
            requireServer(servers, prefixes.path(prefix), name);
            byPrefix.put(prefix, name);
        }
        return new WrapperSettings(listen, trustDir, servers, policies, ttl, maxRepositories, failureStatus, maxBody,
                new AdmissionRouting(admissionServer, byPrefix));
    }

    private static void requireServer(Map<String, NotaryServerSettings> servers, String field, String name) {
        if (!servers.containsKey(name)) {
            throw new ConfigException(field, name + " is not in notary_servers");
        }
    }

    private static ListenSettings listen(JsonFields server, Path base) {
        String addr = server.string("http_addr").orElse(":4445");
        int colon = addr.lastIndexOf(':');
        if (colon < 0 || !addr.substring(colon + 1).matches("\\d{1,5}")) {
            throw new ConfigException(server.path("http_addr"), "must be host:port or :port, not " + addr);
        }
        String host = colon == 0 ? "0.0.0.0" : addr.substring(0, colon);
        Optional<Path> cert = server.file("tls_cert_file", base);
        Optional<Path> key = server.file("tls_key_file", base);
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException(server.path(cert.isPresent() ? "tls_key_file" : "tls_cert_file"),
                    "tls_cert_file and tls_key_file go together");
        }
        Optional<Path> clientCa = server.file("client_ca_file", base);
        if (clientCa.isPresent() && cert.isEmpty()) {
            throw new ConfigException(server.path("client_ca_file"), "client certificates need TLS (tls_cert_file)");
        }
        return new ListenSettings(host, Integer.parseInt(addr.substring(colon + 1)), cert, key, clientCa);
    }

    private static Map<String, NotaryServerSettings> notaryServers(JsonFields root, Path base) {
        JsonNode list = root.raw().get("notary_servers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ConfigException("notary_servers", "must list at least one server (the allow-list)");
        }
        Map<String, NotaryServerSettings> servers = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                throw new ConfigException("notary_servers[" + i + "]", "must be an object");
            }
            JsonFields entry = new JsonFields(list.get(i), "notary_servers[" + i + "]");
            String name = entry.requiredString("name");
            URI url = URI.create(entry.string("url").orElse("https://" + name));
            if (url.getHost() == null || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
                throw new ConfigException(entry.path("url"), "must be an http(s) URL with a host");
            }
            Duration timeout = Durations.parse(entry.path("timeout"), entry.string("timeout").orElse("10s"));
            Optional<BasicCredentials> credentials = entry.file("credentials_file", base)
                    .map(file -> credentials(entry.path("credentials_file"), file));
            if (servers.put(name, new NotaryServerSettings(name, url, entry.file("root_ca", base), timeout,
                    credentials)) != null) {
                throw new ConfigException(entry.path("name"), "duplicate server " + name);
            }
        }
        return servers;
    }

    /**
     * A {@code user:password} file (the shape of a mounted Kubernetes Secret), for a notary server behind token
     * authentication. Only the first line counts; the password never appears in an error.
     */
    private static BasicCredentials credentials(String field, Path file) {
        String firstLine;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            firstLine = reader.readLine();
        } catch (IOException e) {
            throw new ConfigException(field, "cannot read " + file + ": " + e.getMessage());
        }
        int colon = firstLine == null ? -1 : firstLine.indexOf(':');
        if (colon <= 0) {
            throw new ConfigException(field, file + " must hold user:password on its first line");
        }
        return new BasicCredentials(firstLine.substring(0, colon), firstLine.substring(colon + 1));
    }

    /** The single {@code *} policy of a configuration without a trust-policy file. */
    private static TrustPolicy defaultPolicy(JsonFields root, Path base) {
        JsonFields pinning = root.object("trust_pinning");
        Map<String, List<String>> certs = new LinkedHashMap<>();
        JsonFields certFields = pinning.object("certs");
        for (Iterator<String> it = certFields.raw().fieldNames(); it.hasNext(); ) {
            String gun = it.next();
            certs.put(gun, certFields.strings(gun));
        }
        Map<String, List<X509Certificate>> ca = new LinkedHashMap<>();
        JsonFields caFields = pinning.object("ca");
        for (Iterator<String> it = caFields.raw().fieldNames(); it.hasNext(); ) {
            String prefix = it.next();
            Path file = caFields.file(prefix, base).orElseThrow(() -> new ConfigException(caFields.path(prefix), "is empty"));
            ca.put(prefix, Certificates.load(caFields.path(prefix), file));
        }
        boolean tofu = pinning.bool("tofu", false);
        JsonFields policy = root.object("policy");
        List<String> required = policy.strings("required_roles");
        int agreeing = policy.integer("minimum_agreeing_roles", 1);
        if (agreeing < 1) {
            throw new ConfigException(policy.path("minimum_agreeing_roles"), "must be at least 1");
        }
        return new TrustPolicy("default", List.of(TrustPolicy.ANY_SCOPE), VerificationLevel.STRICT,
                new TrustPinning(certs, ca, !tofu), new TargetPolicy(new HashSet<>(required), agreeing));
    }
}
