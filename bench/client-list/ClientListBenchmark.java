import dev.notary4j.client.NotaryClient;
import dev.notary4j.client.cli.NotaryClientMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Helper of bench/client-list.sh, run with the Java source launcher on the client's classpath.
 *   publish SERVER CA TRUSTDIR GUN N   init GUN and publish N targets staged with addhash, in one publish
 *   inprocess SERVER CA WORKDIR GUN RUNS   list GUN in this JVM: cold (fresh trust dir each time) and warm, after
 *                                          150 unmeasured cold runs (-Dwarmups=N)
 */
public final class ClientListBenchmark {
    private static final int WARM_UP_RUNS = Integer.getInteger("warmups", 150);

    public static void main(String[] args) throws Exception {
        String server = args[1];
        Path ca = Path.of(args[2]);
        Path dir = Path.of(args[3]);
        String gun = args[4];
        int count = Integer.parseInt(args[5]);
        if (args[0].equals("publish")) {
            publish(server, ca, dir, gun, count);
        } else {
            inProcess(server, ca, dir, gun, count);
        }
    }

    private static void publish(String server, Path ca, Path trustDir, String gun, int targets) {
        Map<String, String> env = Map.of("NOTARY_ROOT_PASSPHRASE", "bench", "NOTARY_TARGETS_PASSPHRASE", "bench",
                "NOTARY_SNAPSHOT_PASSPHRASE", "bench");
        long start = System.nanoTime();
        cli(env, server, ca, trustDir, "init", gun);
        for (int i = 0; i < targets; i++) {
            String sha = String.format(Locale.ROOT, "%064x", (long) i * 2654435761L + 1);
            cli(env, server, ca, trustDir, "addhash", gun, "target-" + i, Integer.toString(100 + i), "--sha256", sha);
        }
        long staged = System.nanoTime();
        cli(env, server, ca, trustDir, "publish", gun);
        System.out.printf(Locale.ROOT, "published %d targets: staging %.1f s, publish %.1f s%n", targets,
                (staged - start) / 1e9, (System.nanoTime() - staged) / 1e9);
    }

    private static void cli(Map<String, String> env, String server, Path ca, Path trustDir, String... args) {
        List<String> all = new ArrayList<>(List.of("-s", server, "--tlscacert", ca.toString(), "-d", trustDir.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = NotaryClientMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, env);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static void inProcess(String server, Path ca, Path workDir, String gun, int runs) throws IOException {
        // The goal is the wrapper's steady state (a long-running JVM whose JIT has compiled the update path), so the
        // measured runs come after enough unmeasured cold runs for C2 to have compiled it. 3 left most of it
        // interpreted or in C1 (median ~150 ms). The JIT compiled 581 methods during 40 measured runs after 40
        // warm-up runs, 305 after 100, 145 after 200; 150 runs take ~10 s.
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            Path fresh = Files.createTempDirectory(workDir, "warmup");
            list(server, ca, fresh, gun);
            delete(fresh);
        }
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path fresh = Files.createTempDirectory(workDir, "cold");
            long t = System.nanoTime();
            list(server, ca, fresh, gun);
            cold.add((System.nanoTime() - t) / 1e6);
            delete(fresh);
        }
        Path warmDir = Files.createTempDirectory(workDir, "warm");
        NotaryClient client = client(server, ca, warmDir);
        int size = client.update(gun).list(List.of()).size();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            client.update(gun).list(List.of());
            warm.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(Locale.ROOT, "in-process list of %d targets: cold median %.1f ms (min %.1f), "
                + "warm median %.1f ms (min %.1f), %d runs each%n", size, median(cold), min(cold), median(warm),
                min(warm), runs);
    }

    private static void list(String server, Path ca, Path trustDir, String gun) {
        client(server, ca, trustDir).update(gun).list(List.of());
    }

    private static NotaryClient client(String server, Path ca, Path trustDir) {
        return NotaryClient.builder(URI.create(server), trustDir).caFile(Optional.of(ca)).build();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
