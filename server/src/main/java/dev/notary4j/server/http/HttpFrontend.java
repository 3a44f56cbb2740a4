package dev.notary4j.server.http;

import dev.notary4j.server.api.ErrorCode;
import dev.notary4j.server.api.NotaryException;
import dev.notary4j.server.auth.Access;
import dev.notary4j.server.auth.Challenge;
import dev.notary4j.server.auth.TokenAuthenticator;
import dev.notary4j.server.update.UploadLimits;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side of the server: routing, GUN-prefix filter, body collection with size caps, caching headers,
 * error envelopes, metrics. Everything that blocks (storage, trust service) runs in {@link NotaryApi} on workers;
 * GETs whose answer is already in the read cache are served right here, without a worker hand-off.
 */
final class HttpFrontend {

    /** What a refused oversized upload may still send before the connection is closed anyway. */
    private static final long MAX_DRAINED_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private final NotaryApi api;
    private final MetadataReads memoryReads;
    private final HealthChecks health;
    private final HttpMetrics metrics;
    private final List<String> gunPrefixes;
    private final UploadLimits uploadLimits;
    private final int currentMaxAge;
    private final int consistentMaxAge;
    private final Optional<TokenAuthenticator> auth;
    private volatile FormattedDate lastDate = new FormattedDate(Long.MIN_VALUE, "");

    HttpFrontend(Vertx vertx, NotaryApi api, MetadataReads memoryReads, HealthChecks health, HttpMetrics metrics, List<String> gunPrefixes,
                 UploadLimits uploadLimits, int currentMaxAge, int consistentMaxAge,
                 Optional<TokenAuthenticator> auth) {
        this.vertx = vertx;
        this.api = api;
        this.memoryReads = memoryReads;
        this.health = health;
        this.metrics = metrics;
        this.gunPrefixes = List.copyOf(gunPrefixes);
        this.uploadLimits = uploadLimits;
        this.currentMaxAge = currentMaxAge;
        this.consistentMaxAge = consistentMaxAge;
        this.auth = auth;
    }

    /** The Date header of this second, formatted once per second rather than per request. */
    private String currentDate() {
        long second = Instant.now().getEpochSecond();
        FormattedDate date = lastDate;
        if (date.epochSecond() != second) {
            date = new FormattedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            lastDate = date;
        }
        return date.text();
    }

    private record FormattedDate(long epochSecond, String text) {
    }

    void handle(HttpServerRequest request) {
        long start = System.nanoTime();
        request.response().putHeader(HttpHeaders.DATE, currentDate());
        String rawPath = request.path();
        var decoded = Router.percentDecode(rawPath);
        if (decoded.isEmpty()) {
            request.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .putHeader(HttpHeaders.CONNECTION, "close").end("400 Bad Request");
            return;
        }
        Router.Decision decision = Router.route(request.method().name(), decoded.get(), rawPath, request.query());
        if (decision instanceof Router.Redirect redirect) {
            request.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, redirect.location()).end();
        } else if (decision instanceof Router.Matched matched) {
            dispatch(request, matched.match(), start);
        } else {
            request.response().setStatusCode(405).end();
        }
    }

    private void dispatch(HttpServerRequest request, RouteMatch match, long start) {
        Route route = match.route();
        switch (route) {
            case HEALTH -> {
                request.response().setStatusCode(health.healthy() ? 200 : 503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Reply.JSON).end(health.body());
                return;
            }
            case METRICS -> {
                vertx.executeBlocking(metrics::scrape, false).onComplete(result -> request.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                        .end(result.succeeded() ? result.result() : ""));
                return;
            }
            default -> {
            }
        }
        if (match.gun() != null && !gunAllowed(match.gun())) {
            NotaryException refused = route == Route.UPDATE
                    ? NotaryException.withDetail(ErrorCode.INVALID_GUN, "Require GUNs with prefix: ["
                    + String.join(" ", gunPrefixes) + "]")
                    : NotaryException.of(ErrorCode.METADATA_NOT_FOUND);
            sendError(request, match, refused, start, 0);
            return;
        }
        if (refusedByAuth(request, match, start)) {
            return;
        }
        if (route == Route.NOT_FOUND) {
            sendError(request, match, NotaryException.of(ErrorCode.METADATA_NOT_FOUND), start, 0);
            return;
        }
        if (route == Route.UPDATE) {
            collectBody(request, match, start);
        } else if (!answeredFromMemory(request, match, start)) {
            execute(request, new NotaryApi.Request(match, null, null, request.getParam("change_id"),
                    request.getParam("records")), start, 0);
        }
    }

    /** True when the read cache held everything the GET needs and the reply (or its 404) was sent. */
    private boolean answeredFromMemory(HttpServerRequest request, RouteMatch match, long start) {
        try {
            Reply reply = switch (match.route()) {
                case GET_CURRENT -> memoryReads.current(match.gun(), match.role());
                case GET_BY_CHECKSUM -> memoryReads.byChecksum(match.gun(), match.role(), match.checksum());
                default -> null;
            };
            if (reply == null) {
                return false;
            }
            sendReply(request, match, reply, start, 0);
        } catch (NotaryException e) {
            sendError(request, match, e, start, 0);
        } catch (RuntimeException needsWorker) {
            // Not cached, or anything unusual (a corrupt file, say): the worker path answers it as it always has.
            return false;
        }
        return true;
    }

    /** Token auth after the GUN-prefix filter, as Go wraps its handlers (spec §2); true when a 401 was sent. */
    private boolean refusedByAuth(HttpServerRequest request, RouteMatch match, long start) {
        if (auth.isEmpty()) {
            return false;
        }
        List<Access> required = match.route().auth().required(match.gun());
        Optional<Challenge> challenge = auth.get().check(request.getHeader(HttpHeaders.AUTHORIZATION),
                request.authority() == null ? "" : request.authority().toString(), required);
        if (challenge.isEmpty()) {
            return false;
        }
        request.response().putHeader("Www-Authenticate", Responses.challengeHeader(challenge.get()));
        sendError(request, match, new NotaryException(ErrorCode.UNAUTHORIZED,
                Responses.accessDetail(challenge.get().required())), start, 0);
        return true;
    }

    private boolean gunAllowed(String gun) {
        return gunPrefixes.isEmpty() || gunPrefixes.stream().anyMatch(gun::startsWith);
    }

    /** Buffers the upload, refusing (and closing the connection) as soon as it exceeds the cap. */
    private void collectBody(HttpServerRequest request, RouteMatch match, long start) {
        long max = uploadLimits.maxBodyBytes();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parseLong(declared) > max) {
            tooLarge(request, match, start, max);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > max) {
                refused[0] = true;
                tooLarge(request, match, start, max);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                execute(request, new NotaryApi.Request(match, request.getHeader(HttpHeaders.CONTENT_TYPE),
                        body.getBytes(), null, null), start, body.length());
            }
        });
        request.exceptionHandler(e -> LOG.debug("upload to {} failed: {}", match.gun(), e.getMessage()));
    }

    private void tooLarge(HttpServerRequest request, RouteMatch match, long start, long max) {
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        sendError(request, match, NotaryException.withDetail(ErrorCode.MALFORMED_UPLOAD,
                "request body exceeds " + max + " bytes"), start, 0);
        // Read and drop what the client is still sending (up to a bound) before closing: closing a socket with
        // unread data makes the kernel reset the connection, and the client may then never read the answer.
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > MAX_DRAINED_BYTES) {
                request.connection().close();
            }
        });
        request.endHandler(v -> request.connection().close());
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void execute(HttpServerRequest request, NotaryApi.Request call, long start, long requestBytes) {
        vertx.executeBlocking(() -> api.handle(call), false).onComplete(result -> {
            if (result.succeeded()) {
                sendReply(request, call.match(), result.result(), start, requestBytes);
            } else if (result.cause() instanceof NotaryException error) {
                sendError(request, call.match(), error, start, requestBytes);
            } else {
                LOG.error("{} {} failed", request.method(), request.path(), result.cause());
                sendError(request, call.match(), NotaryException.withEmptyDetail(ErrorCode.UNKNOWN,
                        String.valueOf(result.cause())), start, requestBytes);
            }
        });
    }

    private void sendReply(HttpServerRequest request, RouteMatch match, Reply reply, long start, long requestBytes) {
        HttpServerResponse response = request.response().setStatusCode(reply.status());
        if (reply.contentType() != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, reply.contentType());
        }
        if (reply.lastModified() != null) {
            response.putHeader(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(reply.lastModified()));
        }
        if (reply.status() == 200) {
            cacheHeaders(response, match.route().cacheKind());
        }
        end(request, match, response, reply.body(), start, requestBytes);
    }

    /** Spec §4.4.1: only on 200s of the metadata routes. */
    private void cacheHeaders(HttpServerResponse response, Route.CacheKind kind) {
        if (kind == Route.CacheKind.NONE) {
            return;
        }
        int maxAge = kind == Route.CacheKind.CURRENT ? currentMaxAge : consistentMaxAge;
        if (maxAge > 0) {
            String value = "public, max-age=" + maxAge + ", s-maxage=" + maxAge;
            response.putHeader(HttpHeaders.CACHE_CONTROL, kind == Route.CacheKind.CURRENT ? value + ", must-revalidate" : value);
            response.headers().remove("Pragma");
        } else {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "max-age=0, no-cache, no-store");
            response.putHeader("Pragma", "no-cache");
        }
    }

    private void sendError(HttpServerRequest request, RouteMatch match, NotaryException error, long start,
                           long requestBytes) {
        if (error.code().status() >= 500) {
            LOG.error("{} {}: {}", request.method(), request.path(), error.getMessage());
        } else {
            LOG.debug("{} {}: {}", request.method(), request.path(), error.getMessage());
        }
        HttpServerResponse response = request.response().setStatusCode(error.code().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Reply.JSON);
        end(request, match, response, Responses.errorEnvelope(error), start, requestBytes);
    }

    private void end(HttpServerRequest request, RouteMatch match, HttpServerResponse response, byte[] body,
                     long start, long requestBytes) {
        if (response.ended()) {
            return;
        }
        response.end(Buffer.buffer(body));
        metrics.record(match.route().operation(), request.method().name(), response.getStatusCode(), requestBytes,
                body.length, System.nanoTime() - start);
    }
}
