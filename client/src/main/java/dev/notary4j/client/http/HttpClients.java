package dev.notary4j.client.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK HTTP clients the fetchers use: one per CA bundle (by content) and connect timeout, shared by every
 * {@code NotaryClient} of the process. A client made per GUN or per policy (the wrapper's) then reuses the others'
 * connections and TLS sessions instead of a thread pool, a selector thread and a full handshake of its own.
 */
public final class HttpClients {
    /** Distinct bundles in one process are few; the bound only keeps a bundle rotated often from piling up. */
    private static final int MAX_SHARED = 16;
    private static final Map<Key, HttpClient> SHARED = new LinkedHashMap<>(MAX_SHARED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, HttpClient> eldest) {
            return size() > MAX_SHARED;
        }
    };

    private HttpClients() {
    }

    /**
     * A client that trusts only the certificates in {@code caFile} when given (like notary's {@code root_ca} /
     * {@code --tlscacert}: an exclusive root pool), otherwise the JDK's default trust store. The file is read on
     * every call, so a changed bundle gets a client of its own.
     */
    public static HttpClient create(Optional<Path> caFile, Duration connectTimeout) throws IOException {
        byte[] bundle = caFile.isPresent() ? Files.readAllBytes(caFile.get()) : null;
        Key key = new Key(bundle == null ? null : ByteBuffer.wrap(bundle), connectTimeout);
        synchronized (SHARED) {
            HttpClient shared = SHARED.get(key);
            if (shared != null) {
                return shared;
            }
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (bundle != null) {
            builder.sslContext(trusting(caFile.get(), bundle));
        }
        HttpClient made = builder.build();
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(key, k -> made);
        }
    }

    private record Key(ByteBuffer caBundle, Duration connectTimeout) {
    }

    private static SSLContext trusting(Path caFile, byte[] bundle) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bundle)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new IOException("no certificates in " + caFile);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + caFile + " as CA bundle: " + e.getMessage(), e);
        }
    }
}
