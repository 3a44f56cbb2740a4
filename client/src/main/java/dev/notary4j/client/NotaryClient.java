package dev.notary4j.client;

import dev.notary4j.client.cache.MetadataCache;
import dev.notary4j.client.http.BasicCredentials;
import dev.notary4j.client.http.HttpClients;
import dev.notary4j.client.http.HttpMetadataFetcher;
import dev.notary4j.client.http.RepositoryWriter;
import dev.notary4j.client.http.TokenAuthenticator;
import dev.notary4j.client.publish.ChangeList;
import dev.notary4j.client.publish.KeyDirectory;
import dev.notary4j.client.publish.Publisher;
import dev.notary4j.client.trust.TrustPinning;
import dev.notary4j.client.update.UpdateLimits;
import dev.notary4j.client.update.Updater;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads notary repositories from one server: {@link #update(String)} verifies a GUN's metadata (cached under the
 * trust directory per server and GUN) and returns what can be looked up in it. Thread-safe; concurrent updates of
 * one GUN are serialised, across processes too.
 */
public final class NotaryClient {
    private final URI server;
    private final Path trustDir;
    private final HttpClient http;
    private final TokenAuthenticator auth;
    private final TrustPinning pinning;
    private final Clock clock;
    private final UpdateLimits limits;
    private final Duration timeout;
    private final Consumer<String> warnings;

    private NotaryClient(Builder b) throws IOException {
        this.server = b.server;
        this.trustDir = b.trustDir;
        this.http = HttpClients.create(b.caFile, b.timeout);
        this.clock = b.clock;
        this.auth = new TokenAuthenticator(http, b.credentials, clock, b.timeout);
        this.pinning = b.pinning;
        this.limits = b.limits;
        this.timeout = b.timeout;
        this.warnings = b.warnings;
    }

    public static Builder builder(URI server, Path trustDir) {
        return new Builder(server, trustDir);
    }

    /** Updates and verifies {@code gun}'s metadata; fails with a {@link TufClientException} subtype. */
    public TrustedRepository update(String gun) {
        HttpMetadataFetcher fetcher = new HttpMetadataFetcher(http, server, gun, auth, timeout);
        Updater updater = new Updater(remoteName(server), gun, fetcher, MetadataCache.of(trustDir, server, gun), pinning,
                clock, limits, warnings);
        return new TrustedRepository(updater.update());
    }

    /**
     * notary's write commands for this server, signing with keys from {@code keys}; staged changes live next to
     * each GUN's cache ({@code .../<GUN>/changelist}).
     */
    public Publisher publisher(KeyDirectory keys) {
        return new Publisher(this, gun -> new RepositoryWriter(http, server, gun, auth, timeout),
                gun -> ChangeList.of(trustDir, server, gun),
                keys, clock);
    }

    /** How notary names a server in errors: its {@code host[:port]}. */
    static String remoteName(URI server) {
        return server.getPort() < 0 ? server.getHost() : server.getHost() + ":" + server.getPort();
    }

    /** Options; defaults as notary's CLI: TOFU, JDK trust store, notary's size limits, 30 s timeouts. */
    public static final class Builder {
        private final URI server;
        private final Path trustDir;
        private Optional<Path> caFile = Optional.empty();
        private Optional<BasicCredentials> credentials = Optional.empty();
        private TrustPinning pinning = TrustPinning.TOFU;
        private Clock clock = Clock.systemUTC();
        private UpdateLimits limits = UpdateLimits.NOTARY;
        private Duration timeout = Duration.ofSeconds(30);
        private Consumer<String> warnings = w -> { };

        private Builder(URI server, Path trustDir) {
            this.server = Objects.requireNonNull(server, "server");
            this.trustDir = Objects.requireNonNull(trustDir, "trustDir");
        }

        /** Trust only these CA certificates for the server's TLS certificate (notary's {@code --tlscacert}). */
        public Builder caFile(Optional<Path> caFile) {
            this.caFile = caFile;
            return this;
        }

        public Builder credentials(Optional<BasicCredentials> credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder pinning(TrustPinning pinning) {
            this.pinning = pinning;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder limits(UpdateLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder warnings(Consumer<String> warnings) {
            this.warnings = warnings;
            return this;
        }

        public NotaryClient build() {
            try {
                return new NotaryClient(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
