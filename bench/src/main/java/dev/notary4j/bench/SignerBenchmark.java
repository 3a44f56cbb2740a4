package dev.notary4j.bench;

import com.google.protobuf.ByteString;
import dev.notary4j.common.tls.PemFiles;
import dev.notary4j.signer.proto.CreateKeyRequest;
import dev.notary4j.signer.proto.KeyID;
import dev.notary4j.signer.proto.KeyManagementGrpc;
import dev.notary4j.signer.proto.SignatureRequest;
import dev.notary4j.signer.proto.SignerGrpc;
import dev.notary4j.testkit.GoNotarySigner;
import dev.notary4j.testkit.PostgresDatabases;
import dev.notary4j.testkit.TestDatabase;
import dev.notary4j.testkit.TestPki;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sign RPCs per second over mutual TLS, our notary-signer (bin/notary-signer) against the Go notary-signer 0.7, each on
 * its own PostgreSQL database on the same server, loaded from this process. Both are started from the same notary
 * config (testkit writes it), so the comparison is launcher for launcher.
 *
 * <p>Run: {@code bench/signer.sh [seconds] [threads]}. Prints a Markdown table.
 */
public final class SignerBenchmark {

    private record Result(String signer, String algorithm, double perSecond, double p50Millis, double p99Millis) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path ourLauncher = Path.of(System.getProperty("notary4j.repo", ".")).resolve("bin/notary-signer").toAbsolutePath();
        Path work = Files.createTempDirectory("signer-bench");
        TestPki pki = TestPki.generate(work.resolve("pki"));
        List<Result> results = new ArrayList<>();
        try (TestDatabase goDb = PostgresDatabases.createWithGoSchema("bench-go-signer", PostgresDatabases.GoSchema.SIGNER);
             TestDatabase ourDb = PostgresDatabases.createWithGoSchema("bench-our-signer", PostgresDatabases.GoSchema.SIGNER);
             GoNotarySigner go = GoNotarySigner.builder(pki, work.resolve("go")).postgres(goDb.goUrl()).logLevel("error")
                     .startupTimeout(java.time.Duration.ofSeconds(90)).start();
             GoNotarySigner ours = GoNotarySigner.builder(pki, work.resolve("ours")).postgres(ourDb.goUrl()).logLevel("error")
                     .startupTimeout(java.time.Duration.ofSeconds(90)).binary(ourLauncher.toString()).start()) {
            for (String algorithm : List.of("ecdsa", "ed25519")) {
                // Alternate so neither side always runs on a warmer machine.
                results.add(run("Go notary-signer", go, pki, algorithm, seconds, threads));
                results.add(run("notary4j signer", ours, pki, algorithm, seconds, threads));
            }
        }
        System.out.printf("%nSign over mutual TLS, %d client threads, %d s per run, PostgreSQL key store%n%n", threads, seconds);
        System.out.println("| algorithm | signer | Sign/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf("| %s | %s | %.0f | %.2f | %.2f |%n", r.algorithm(), r.signer(), r.perSecond(), r.p50Millis(), r.p99Millis());
        }
        for (String algorithm : List.of("ecdsa", "ed25519")) {
            double goRate = results.stream().filter(r -> r.algorithm().equals(algorithm) && r.signer().startsWith("Go"))
                    .findFirst().orElseThrow().perSecond();
            double ourRate = results.stream().filter(r -> r.algorithm().equals(algorithm) && !r.signer().startsWith("Go"))
                    .findFirst().orElseThrow().perSecond();
            System.out.printf("%s: notary4j / Go = %.2fx%n", algorithm, ourRate / goRate);
        }
    }

    private static Result run(String name, GoNotarySigner signer, TestPki pki, String algorithm, int seconds, int threads)
            throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", signer.port())
                .sslContext(GrpcSslContexts.forClient()
                        .trustManager(PemFiles.trustManagers(pki.rootCaCert()))
                        .keyManager(PemFiles.keyManagers(pki.signerClientCert(), pki.signerClientKey())).build())
                .build();
        try {
            String keyId = KeyManagementGrpc.newBlockingStub(channel).createKey(CreateKeyRequest.newBuilder()
                    .setAlgorithm(algorithm).setGun("bench/" + algorithm).setRole("timestamp").build()).getKeyInfo()
                    .getKeyID().getID();
            SignatureRequest request = SignatureRequest.newBuilder().setKeyID(KeyID.newBuilder().setID(keyId))
                    .setContent(ByteString.copyFrom(new byte[300])).build();
            load(channel, request, threads, Math.max(2, seconds / 3), new long[1 << 20]);  // warm-up
            long[] latencies = new long[1 << 22];
            int count = load(channel, request, threads, seconds, latencies);
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return new Result(name, algorithm, count / (double) seconds, sorted[count / 2] / 1e6,
                    sorted[(int) (count * 0.99)] / 1e6);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Runs {@code threads} blocking callers for {@code seconds}; returns how many calls finished (latencies recorded). */
    private static int load(ManagedChannel channel, SignatureRequest request, int threads, int seconds, long[] latencies)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                SignerGrpc.SignerBlockingStub stub = SignerGrpc.newBlockingStub(channel);
                while (running.get()) {
                    long start = System.nanoTime();
                    stub.withDeadlineAfter(10, TimeUnit.SECONDS).sign(request);
                    int slot = next.getAndIncrement();
                    if (slot < latencies.length) {
                        latencies[slot] = System.nanoTime() - start;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        return Math.min(next.get(), latencies.length);
    }
}
