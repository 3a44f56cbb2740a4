package dev.notary4j.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body read while counting: a 200 body larger than allowed stops the download as soon as the
 * announced length or the bytes received pass the limit; other statuses keep only their first bytes (for error
 * details). The whole exchange, body included, has one deadline, so a server that trickles bytes cannot hold us.
 */
record CappedBody(byte[] bytes, boolean overLimit) {
    /** Sends {@code request} and reads its body under these rules within {@code deadline}. */
    static HttpResponse<CappedBody> exchange(HttpClient http, HttpRequest request, String name, long okLimit,
            int errorLimit, Duration deadline) throws FetchException {
        CompletableFuture<HttpResponse<CappedBody>> future = http.sendAsync(request,
                info -> info.statusCode() == 200 ? subscriber(info, okLimit, false) : subscriber(info, errorLimit, true));
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new NetworkException(name, new IOException("no complete response within " + deadline.toSeconds() + " s"));
        } catch (ExecutionException e) {
            throw new NetworkException(name, e.getCause() != null ? e.getCause() : e);
        } catch (CancellationException e) {
            throw new NetworkException(name, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new NetworkException(name, e);
        }
    }

    /** The body of a 200 response, or {@link MaliciousServerException} if it passed the limit. */
    static byte[] okBody(String name, HttpResponse<CappedBody> response, long limit) {
        if (response.body().overLimit()) {
            throw new MaliciousServerException(name, limit);
        }
        return response.body().bytes();
    }

    private static HttpResponse.BodySubscriber<CappedBody> subscriber(HttpResponse.ResponseInfo info, long limit,
            boolean truncate) {
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Subscriber(limit, truncate, !truncate && announced > limit);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<CappedBody> {
        private final long limit;
        private final boolean truncate;
        private final boolean refuseAtOnce;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(long limit, boolean truncate, boolean refuseAtOnce) {
            this.limit = limit;
            this.truncate = truncate;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuseAtOnce) {
                s.cancel();
                result.complete(new CappedBody(new byte[0], true));
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                long room = limit - received.size();
                if (buffer.remaining() > room) {
                    if (truncate) {
                        byte[] part = new byte[(int) Math.max(room, 0)];
                        buffer.get(part);
                        received.write(part, 0, part.length);
                    }
                    subscription.cancel();
                    result.complete(new CappedBody(truncate ? received.toByteArray() : new byte[0], !truncate));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                received.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(received.toByteArray(), false));
        }
    }
}
