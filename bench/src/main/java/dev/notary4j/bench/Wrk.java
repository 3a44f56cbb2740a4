package dev.notary4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (a separate process, so the load never shares a JVM with a server) and reads its summary. */
final class Wrk {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static Result run(String url, int connections, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s", url)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        if (!out.contains("Latency Distribution")) {
            // No request completed: keep the evidence rather than report a silent zero.
            System.err.println("wrk completed no request against " + url + ":\n" + out);
            return new Result(0, Double.NaN, Double.NaN, -1);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return new Result(number(RATE, out), percentile(out, "50%"), percentile(out, "99%"), errors);
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A line of the "Latency Distribution" block, e.g. {@code 99%   12.34ms}, in milliseconds. */
    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + label + " latency in wrk output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
