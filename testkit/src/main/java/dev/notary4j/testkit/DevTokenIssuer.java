package dev.notary4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development docker-registry token service, for tests and local trials only (never part of the production
 * server). {@code GET /auth/token?service=..&scope=..} with HTTP basic credentials answers
 * {@code {"token","access_token","expires_in","issued_at"}}: an ES256 JWT with an {@code x5c} header, signed by a
 * key generated at start whose self-signed certificate ({@link #certificate()}) goes into the notary-server's
 * {@code rootcertbundle}.
 *
 * <p>The credentials file has one {@code user:password:actions} line per user; {@code actions} (e.g. {@code pull},
 * {@code push,pull}, {@code *}) caps what that user gets on any repository. {@code *} also grants
 * {@code registry:catalog:*}. A user named {@value #ANONYMOUS} applies to requests without credentials (the notary
 * CLI asks for read-only tokens anonymously); without it they get 401.
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final String CERT_FILE = "token-signer.crt";
    public static final String ANONYMOUS = "anonymous";
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One granted resource: {@code type:name} and its actions, as the JWT's {@code access} claim lists them. */
    public record Grant(String type, String name, List<String> actions) {
        public static Grant repository(String gun, String... actions) {
            return new Grant("repository", gun, List.of(actions));
        }
    }

    private final String issuer;
    private final String service;
    private final Map<String, User> users;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path certificateFile;
    private final HttpServer http;

    private record User(String password, List<String> actions) {
    }

    private DevTokenIssuer(String issuer, String service, Map<String, User> users, Path dir, int port) {
        this.issuer = issuer;
        this.service = service;
        this.users = users;
        try {
            this.keys = newKeyPair();
            this.certificate = selfSigned(keys, "CN=notary4j dev token issuer");
            this.certificateFile = dir.resolve(CERT_FILE);
            Pem.writeCertificates(certificateFile, certificate);
            this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the token signing key", e);
        }
        http.createContext("/auth/token", this::serve);
        http.setExecutor(Executors.newFixedThreadPool(2));
        http.start();
    }

    /** Starts on a free loopback port; {@code dir} receives {@value #CERT_FILE}. */
    public static DevTokenIssuer start(Path credentialsFile, String issuer, String service, Path dir) {
        return start(credentialsFile, issuer, service, dir, 0);
    }

    /** Starts on loopback port {@code port} (0: a free one); {@code dir} receives {@value #CERT_FILE}. */
    public static DevTokenIssuer start(Path credentialsFile, String issuer, String service, Path dir, int port) {
        return new DevTokenIssuer(issuer, service, readUsers(credentialsFile), dir, port);
    }

    /** The realm to put in the notary-server's {@code auth.options.realm}. */
    public String realm() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/auth/token";
    }

    public String issuer() {
        return issuer;
    }

    public String service() {
        return service;
    }

    /** The PEM file for the server's {@code rootcertbundle}. */
    public Path certificate() {
        return certificateFile;
    }

    /** A token of this issuer for {@code subject}, valid from {@code issuedAt} for {@code validity}. */
    public String mint(String subject, List<Grant> access, Instant issuedAt, Duration validity) {
        return sign(keys, certificate, issuer, service, subject, access, issuedAt, validity);
    }

    /** A well-formed token signed by a fresh key the server does not trust (its own self-signed x5c). */
    public String mintWithUntrustedKey(String subject, List<Grant> access) {
        try {
            KeyPair stranger = newKeyPair();
            return sign(stranger, selfSigned(stranger, "CN=untrusted token issuer"), issuer, service, subject,
                    access, Instant.now(), DEFAULT_VALIDITY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(KeyPair keys, X509Certificate cert, String issuer, String service, String subject,
                               List<Grant> access, Instant issuedAt, Duration validity) {
        List<Map<String, Object>> claim = new ArrayList<>();
        for (Grant grant : access) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", grant.type());
            entry.put("name", grant.name());
            entry.put("actions", grant.actions());
            claim.add(entry);
        }
        try {
            return Jwts.builder()
                    .header().type("JWT").add("x5c", List.of(Base64.getEncoder().encodeToString(cert.getEncoded())))
                    .and()
                    .issuer(issuer).subject(subject).claim("aud", service)
                    .issuedAt(Date.from(issuedAt)).notBefore(Date.from(issuedAt))
                    .expiration(Date.from(issuedAt.plus(validity))).id(UUID.randomUUID().toString())
                    .claim("access", claim)
                    .signWith(keys.getPrivate(), Jwts.SIG.ES256)
                    .compact();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String user = authenticatedUser(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"notary4j dev token issuer\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            if (!service.equals(query.getOrDefault("service", List.of("")).get(0))) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            List<Grant> granted = new ArrayList<>();
            for (String scope : query.getOrDefault("scope", List.of())) {
                for (String resource : scope.split(" ")) {
                    grant(users.get(user).actions(), resource).ifPresent(granted::add);
                }
            }
            Instant now = Instant.now();
            String token = mint(user, granted, now, DEFAULT_VALIDITY);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("access_token", token);
            body.put("expires_in", DEFAULT_VALIDITY.toSeconds());
            body.put("issued_at", now.toString());
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Requested {@code type:name:a,b} capped by the user's actions; the name may itself contain colons. */
    private static java.util.Optional<Grant> grant(List<String> allowed, String resource) {
        int first = resource.indexOf(':');
        int last = resource.lastIndexOf(':');
        if (first < 0 || last == first) {
            return java.util.Optional.empty();
        }
        String type = resource.substring(0, first);
        String name = resource.substring(first + 1, last);
        if (type.equals("registry") && !allowed.contains("*")) {
            return java.util.Optional.empty();
        }
        List<String> actions = new ArrayList<>();
        for (String action : resource.substring(last + 1).split(",")) {
            if (allowed.contains("*") || allowed.contains(action)) {
                actions.add(action);
            }
        }
        return actions.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Grant(type, name, actions));
    }

    private String authenticatedUser(String authorization) {
        if (authorization == null) {
            return users.containsKey(ANONYMOUS) ? ANONYMOUS : null;
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        User user = users.get(decoded.substring(0, colon));
        return user != null && user.password().equals(decoded.substring(colon + 1)) ? decoded.substring(0, colon) : null;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static Map<String, User> readUsers(Path file) {
        Map<String, User> users = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(":", 3);
                if (fields.length != 3) {
                    throw new IllegalArgumentException("credentials line is not user:password:actions: " + fields[0]);
                }
                users.put(fields[0], new User(fields[1], List.of(fields[2].split(","))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return users;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String name) throws GeneralSecurityException {
        X500Principal subject = new X500Principal(name);
        Instant now = Instant.now();
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(63, new java.security.SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }
}
