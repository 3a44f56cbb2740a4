package dev.notary4j.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Go {@code notary-server} 0.7 (Debian package {@code notary}) on a free loopback port, HTTPS with
 * {@code notary-server.crt} of a {@link TestPki}, at {@code https://localhost:PORT}. Its trust service is either a
 * remote signer (any host:port speaking notary's gRPC with mutual TLS: the Go signer or ours) or local (keys in
 * the server's memory). Ready once {@code /_notary_server/health} and {@code /v2/} answer 200 and, unless disabled,
 * one real server-to-signer call succeeded ({@code GET /v2/testkit-probe/ready/_trust/tuf/timestamp.key}, which
 * creates one timestamp key for that GUN). The health endpoint alone proves nothing: notary runs its checks only
 * every 10 s.
 *
 * <pre>{@code
 * try (GoNotarySigner signer = GoNotarySigner.builder(pki, dir).start();
 *      GoNotaryServer server = GoNotaryServer.builder(pki, dir).remoteSigner(signer).start()) {
 *     NotaryCli cli = NotaryCli.forServer(trustDir, server.url(), pki.rootCaCert()).withPassphrase("pw");
 * }
 * }</pre>
 */
public final class GoNotaryServer implements AutoCloseable {
    public static final String DEFAULT_BINARY = "notary-server";
    /** The GUN the readiness probe creates a timestamp key for. */
    public static final String PROBE_GUN = "testkit-probe/ready";

    /** Algorithm of the keys the server has made for it (timestamp, and snapshot when server-managed). */
    public enum KeyAlgorithm {
        ECDSA, RSA, ED25519;

        String configValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final TestPki pki;
    private final int port;
    private final Path configFile;
    private final PeerProcess process;

    private GoNotaryServer(TestPki pki, int port, Path configFile, PeerProcess process) {
        this.pki = pki;
        this.port = port;
        this.configFile = configFile;
        this.process = process;
    }

    public static Builder builder(TestPki pki, Path workDir) {
        return new Builder(pki, workDir);
    }

    /** {@code https://localhost:PORT} (the server certificate is valid for localhost). */
    public String url() {
        return "https://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public TestPki pki() {
        return pki;
    }

    public Path configFile() {
        return configFile;
    }

    public Path logFile() {
        return process.logFile();
    }

    public String logTail() {
        return process.logTail();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * Options; a trust service must be chosen ({@link #remoteSigner} or {@link #localSigner}). Defaults: memory
     * storage, ecdsa keys, log level info, 20 s startup, signer probe on.
     */
    public static final class Builder {
        private final TestPki pki;
        private final Path workDir;
        private Map<String, Object> trustService;
        private KeyAlgorithm keyAlgorithm = KeyAlgorithm.ECDSA;
        private String postgresUrl;
        private String logLevel = "info";
        private Duration startupTimeout = Duration.ofSeconds(20);
        private boolean probeSigner = true;
        private String binary = DEFAULT_BINARY;
        private Map<String, Object> auth;

        private Builder(TestPki pki, Path workDir) {
            this.pki = Objects.requireNonNull(pki, "pki");
            this.workDir = Objects.requireNonNull(workDir, "workDir");
        }

        /**
         * Remote trust service at {@code host:port}. The server verifies the signer's certificate against this
         * PKI's root CA for {@code host} and presents {@code signer-client.crt}.
         */
        public Builder remoteSigner(String host, int port) {
            this.trustService = NotaryConfigFiles.object(
                    "type", "remote",
                    "hostname", Objects.requireNonNull(host, "host"),
                    "port", Integer.toString(port),
                    "tls_ca_file", pki.rootCaCert().toString(),
                    "tls_client_cert", pki.signerClientCert().toString(),
                    "tls_client_key", pki.signerClientKey().toString());
            return this;
        }

        public Builder remoteSigner(GoNotarySigner signer) {
            return remoteSigner(signer.host(), signer.port());
        }

        /** Local trust service: the server keeps the keys it makes in memory. */
        public Builder localSigner() {
            this.trustService = NotaryConfigFiles.object("type", "local");
            return this;
        }

        public Builder keyAlgorithm(KeyAlgorithm keyAlgorithm) {
            this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
            return this;
        }

        /** PostgreSQL storage at a Go-style URL ({@code postgres://user@127.0.0.1:5432/db?sslmode=disable}). */
        public Builder postgres(String goDatabaseUrl) {
            this.postgresUrl = Objects.requireNonNull(goDatabaseUrl, "goDatabaseUrl");
            return this;
        }

        /** debug, info, warn or error. */
        public Builder logLevel(String logLevel) {
            this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        /** Whether readiness includes one server-to-signer call (it creates a key for {@value #PROBE_GUN}). */
        public Builder probeSigner(boolean probeSigner) {
            this.probeSigner = probeSigner;
            return this;
        }

        /**
         * {@code auth.type = token} with this issuer's realm, service, issuer and certificate. Readiness then
         * expects the 401 challenge on {@code /v2/} and skips the signer probe (it would need a token).
         */
        public Builder tokenAuth(DevTokenIssuer issuer) {
            this.auth = NotaryConfigFiles.object("type", "token", "options", NotaryConfigFiles.object(
                    "realm", issuer.realm(), "service", issuer.service(), "issuer", issuer.issuer(),
                    "rootcertbundle", issuer.certificate().toString()));
            this.probeSigner = false;
            return this;
        }

        /** Another notary-server compatible executable (a command on PATH or a path). */
        public Builder binary(String binary) {
            this.binary = Objects.requireNonNull(binary, "binary");
            return this;
        }

        /**
         * Starts the server and waits until it is ready.
         *
         * @throws MissingBinaryException if the binary is not installed
         * @throws PeerStartupException if it exits or is not ready in time (the message has its log)
         */
        public GoNotaryServer start() {
            if (trustService == null) {
                throw new IllegalStateException("choose a trust service: remoteSigner(...) or localSigner()");
            }
            Path executable = GoBinaries.require(binary);
            Path dir = PeerProcess.createWorkDirectory(workDir, "notary-server-");
            return PeerProcess.onFreePort(port -> launch(executable, dir, port));
        }

        private GoNotaryServer launch(Path executable, Path dir, int port) {
            Path config = dir.resolve("server.json");
            Map<String, Object> trust = NotaryConfigFiles.object();
            trust.putAll(trustService);
            trust.put("key_algorithm", keyAlgorithm.configValue());
            Map<String, Object> settings = NotaryConfigFiles.object(
                    "server", NotaryConfigFiles.object(
                            "http_addr", "127.0.0.1:" + port,
                            "tls_cert_file", pki.serverCert().toString(),
                            "tls_key_file", pki.serverKey().toString()),
                    "trust_service", trust,
                    "logging", NotaryConfigFiles.object("level", logLevel),
                    "storage", NotaryConfigFiles.storage(postgresUrl));
            if (auth != null) {
                settings.put("auth", auth);
            }
            NotaryConfigFiles.write(config, settings);
            PeerProcess process = PeerProcess.start("notary-server",
                    List.of(executable.toString(), "-config", config.toString()), Map.of(), dir,
                    dir.resolve("server.log"));
            GoNotaryServer server = new GoNotaryServer(pki, port, config, process);
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(pki.clientSslContext())
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            process.awaitReady(startupTimeout, () -> {
                expectStatus(http, server.url() + "/_notary_server/health", 200);
                expectStatus(http, server.url() + "/v2/", auth == null ? 200 : 401);
                if (probeSigner) {
                    expectStatus(http, server.url() + "/v2/" + PROBE_GUN + "/_trust/tuf/timestamp.key", 200);
                }
            });
            return server;
        }
    }

    private static void expectStatus(HttpClient http, String url, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException("GET " + url + " returned " + response.statusCode() + ": " + response.body());
        }
    }
}
