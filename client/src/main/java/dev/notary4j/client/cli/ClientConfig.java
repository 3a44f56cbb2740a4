package dev.notary4j.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notary4j.client.trust.TrustPinning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of notary's client {@code config.json} this client uses: {@code trust_dir}, {@code remote_server.url},
 * {@code remote_server.root_ca} and {@code trust_pinning} ({@code certs}, {@code ca}, {@code disable_tofu}).
 * Relative paths are taken relative to the config file's directory, as notary does.
 */
record ClientConfig(Optional<Path> trustDir, Optional<String> serverUrl, Optional<Path> rootCa, TrustPinning pinning) {
    static final ClientConfig EMPTY = new ClientConfig(Optional.empty(), Optional.empty(), Optional.empty(), TrustPinning.TOFU);
    private static final long MAX_CONFIG_BYTES = 1 << 20;

    static ClientConfig load(Path file) throws IOException {
        if (Files.size(file) > MAX_CONFIG_BYTES) {
            throw new IOException("config file " + file + " is too large");
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        JsonNode pinning = root.path("trust_pinning");
        Map<String, List<String>> certs = new LinkedHashMap<>();
        pinning.path("certs").properties().forEach(e -> {
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(id -> ids.add(id.asText()));
            certs.put(e.getKey(), ids);
        });
        Map<String, List<X509Certificate>> ca = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : pinning.path("ca").properties()) {
            ca.put(e.getKey(), loadBundle(base.resolve(e.getValue().asText())));
        }
        return new ClientConfig(text(root.path("trust_dir")).map(base::resolve), text(root.path("remote_server").path("url")),
                text(root.path("remote_server").path("root_ca")).map(base::resolve),
                new TrustPinning(certs, ca, pinning.path("disable_tofu").asBoolean(false)));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** A PEM bundle of CA certificates, as notary's {@code LoadCertBundleFromFile}. */
    static List<X509Certificate> loadBundle(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) cert);
            }
            if (certs.isEmpty()) {
                throw new IOException("no certificates in " + file);
            }
            return certs;
        } catch (CertificateException e) {
            throw new IOException("could not load root cert from CA path " + file + ": " + e.getMessage(), e);
        }
    }
}
