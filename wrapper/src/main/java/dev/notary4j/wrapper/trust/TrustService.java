package dev.notary4j.wrapper.trust;

import dev.notary4j.client.NotaryClient;
import dev.notary4j.client.TrustedRepository;
import dev.notary4j.wrapper.config.NotaryServerSettings;
import dev.notary4j.wrapper.config.WrapperSettings;
import dev.notary4j.wrapper.policy.TrustPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wrapper's single way to trust data: checks the notary server against the allow-list and the GUN against the
 * policies, then answers from the {@link RepositoryCache}. One {@link NotaryClient} per (server, policy), so each
 * policy's root pinning applies to exactly its GUNs; all share the on-disk cache under the trust directory.
 */
public final class TrustService {
    private static final Logger LOG = LoggerFactory.getLogger(TrustService.class);
    /** notary's GUN rules as far as a cache path and a URL need them: no empty, dot or dash-led segments. */
    private static final Pattern GUN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$");

    private record Key(String server, String policy, String gun) {
    }

    private final WrapperSettings settings;
    private final Clock clock;
    private final Map<Key, NotaryClient> clients = new ConcurrentHashMap<>();
    private final RepositoryCache<Key, TrustedRepository> cache;

    public TrustService(WrapperSettings settings, Clock clock, Executor executor,
            Consumer<RepositoryCache.Outcome> cacheObserver) {
        this.settings = settings;
        this.clock = clock;
        this.cache = new RepositoryCache<>(this::load, RepositoryCache::validUntil, executor, clock, settings.cacheTtl(),
                settings.maxRepositories(), cacheObserver);
    }

    /** The repository verified under its policy; fails with a {@link TrustFailure}. */
    public CompletableFuture<VerifiedRepository> repository(String serverName, String gun) {
        NotaryServerSettings server = settings.notaryServers().get(serverName);
        if (server == null) {
            return CompletableFuture.failedFuture(new TrustFailure(TrustFailure.Kind.BAD_REQUEST,
                    "notaryServer " + quoted(serverName) + " is not allowed"));
        }
        if (gun == null || gun.length() > 255 || !GUN.matcher(gun).matches()) {
            return CompletableFuture.failedFuture(new TrustFailure(TrustFailure.Kind.BAD_REQUEST,
                    "invalid GUN " + quoted(gun)));
        }
        TrustPolicy policy = settings.policies().forGun(gun).orElse(null);
        if (policy == null) {
            return CompletableFuture.failedFuture(new TrustFailure(TrustFailure.Kind.NO_POLICY,
                    "no trust policy covers " + gun));
        }
        return cache.get(new Key(serverName, policy.name(), gun))
                .handle((repository, error) -> {
                    if (error != null) {
                        throw TrustFailure.of(error);
                    }
                    return new VerifiedRepository(serverName, repository, policy);
                });
    }

    public int cachedRepositories() {
        return cache.size();
    }

    private TrustedRepository load(Key key) {
        NotaryClient client = clients.computeIfAbsent(new Key(key.server(), key.policy(), ""), k -> {
            NotaryServerSettings server = settings.notaryServers().get(k.server());
            TrustPolicy policy = settings.policies().policies().stream().filter(p -> p.name().equals(k.policy()))
                    .findFirst().orElseThrow();
            return NotaryClient.builder(server.url(), trustDir())
                    .caFile(server.rootCa())
                    .credentials(server.credentials())
                    .pinning(policy.pinning())
                    .clock(clock)
                    .timeout(server.timeout())
                    .warnings(w -> LOG.warn("{}: {}", server.name(), w))
                    .build();
        });
        return client.update(key.gun());
    }

    private Path trustDir() {
        return settings.trustDir();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "\"\"";
        }
        String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return "\"" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }
}
