package dev.notary4j.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The Go {@code notary-signer} 0.7 (Debian package {@code notary}) on a free loopback port, mutual TLS with a
 * {@link TestPki}: it presents {@code notary-signer.crt} and accepts clients whose certificate the root CA signed.
 * Ready once a mutual-TLS handshake (ALPN h2) succeeds. {@link #close()} stops it and waits.
 *
 * <pre>{@code
 * try (GoNotarySigner signer = GoNotarySigner.builder(pki, tempDir).start()) {
 *     connect to signer.host() + ":" + signer.port() with pki.signerClientSslContext()
 * }
 * }</pre>
 */
public final class GoNotarySigner implements AutoCloseable {
    public static final String DEFAULT_BINARY = "notary-signer";
    public static final String DEFAULT_ALIAS = "passwordalias1";
    public static final String DEFAULT_PASSPHRASE = "testkit-signer-passphrase";

    private final TestPki pki;
    private final int port;
    private final Path configFile;
    private final String alias;
    private final String passphrase;
    private final PeerProcess process;

    private GoNotarySigner(Builder builder, int port, Path configFile, PeerProcess process) {
        this.pki = builder.pki;
        this.port = port;
        this.configFile = configFile;
        this.alias = builder.alias;
        this.passphrase = builder.passphrase;
        this.process = process;
    }

    public static Builder builder(TestPki pki, Path workDir) {
        return new Builder(pki, workDir);
    }

    /** The TLS name to dial: the signer certificate is valid for it. It listens on 127.0.0.1 only. */
    public String host() {
        return "localhost";
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

    /** The passphrase alias private keys are encrypted under (PostgreSQL storage). */
    public String alias() {
        return alias;
    }

    public String passphrase() {
        return passphrase;
    }

    @Override
    public void close() {
        process.close();
    }

    /** Options; defaults: memory storage, alias {@value #DEFAULT_ALIAS}, log level info, 20 s startup. */
    public static final class Builder {
        private final TestPki pki;
        private final Path workDir;
        private String postgresUrl;
        private String alias = DEFAULT_ALIAS;
        private String passphrase = DEFAULT_PASSPHRASE;
        private String logLevel = "info";
        private Duration startupTimeout = Duration.ofSeconds(20);
        private String binary = DEFAULT_BINARY;
        private int port;

        private Builder(TestPki pki, Path workDir) {
            this.pki = Objects.requireNonNull(pki, "pki");
            this.workDir = Objects.requireNonNull(workDir, "workDir");
        }

        /** PostgreSQL storage at a Go-style URL ({@code postgres://user@127.0.0.1:5432/db?sslmode=disable}). */
        public Builder postgres(String goDatabaseUrl) {
            this.postgresUrl = Objects.requireNonNull(goDatabaseUrl, "goDatabaseUrl");
            return this;
        }

        /** Passphrase alias and passphrase, handed to the signer as {@code NOTARY_SIGNER_<ALIAS>}. */
        public Builder passphrase(String alias, String passphrase) {
            this.alias = Objects.requireNonNull(alias, "alias");
            this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
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

        /** Another notary-signer compatible executable (a command on PATH or a path). */
        public Builder binary(String binary) {
            this.binary = Objects.requireNonNull(binary, "binary");
            return this;
        }

        /** A fixed port instead of a free one, e.g. to restart a stopped signer where its clients expect it. */
        public Builder port(int port) {
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Starts the signer and waits until it is ready.
         *
         * @throws MissingBinaryException if the binary is not installed
         * @throws PeerStartupException if it exits or is not ready in time (the message has its log)
         */
        public GoNotarySigner start() {
            Path executable = GoBinaries.require(binary);
            Path dir = PeerProcess.createWorkDirectory(workDir, "notary-signer-");
            return port > 0 ? launch(executable, dir, port)
                    : PeerProcess.onFreePort(freePort -> launch(executable, dir, freePort));
        }

        private GoNotarySigner launch(Path executable, Path dir, int port) {
            Path config = dir.resolve("signer.json");
            Map<String, Object> storage = NotaryConfigFiles.storage(postgresUrl);
            if (postgresUrl != null) {
                storage.put("default_alias", alias);
            }
            NotaryConfigFiles.write(config, NotaryConfigFiles.object(
                    "server", NotaryConfigFiles.object(
                            "grpc_addr", "127.0.0.1:" + port,
                            "tls_cert_file", pki.signerCert().toString(),
                            "tls_key_file", pki.signerKey().toString(),
                            "client_ca_file", pki.rootCaCert().toString()),
                    "logging", NotaryConfigFiles.object("level", logLevel),
                    "storage", storage));
            String aliasVariable = "NOTARY_SIGNER_" + alias.toUpperCase(Locale.ROOT);
            PeerProcess process = PeerProcess.start("notary-signer", List.of(executable.toString(), "-config",
                    config.toString()), Map.of(aliasVariable, passphrase), dir, dir.resolve("signer.log"));
            SSLContext tls = pki.signerClientSslContext();
            process.awaitReady(startupTimeout, () -> mutualTlsHandshake(tls, port));
            return new GoNotarySigner(this, port, config, process);
        }
    }

    private static void mutualTlsHandshake(SSLContext tls, int port) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            plain.setSoTimeout(2000);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setApplicationProtocols(new String[] {"h2"});
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                // With TLS 1.3 a rejected client certificate shows only after the handshake: the gRPC server
                // speaks first (HTTP/2 SETTINGS), so reading one byte proves it accepted us.
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("signer closed the connection after the TLS handshake");
                }
            }
        }
    }
}
