package dev.notary4j.testkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar testkit/target/testkit.jar -users FILE -dir DIR [-port N] [-issuer NAME] [-service NAME]}: the
 * {@link DevTokenIssuer} as a process, for bin/quickstart's token-auth mode. Development only: one generated key,
 * passwords in a plain file, plain HTTP on loopback.
 */
public final class DevTokenIssuerMain {

    private DevTokenIssuerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>(Map.of("-port", "0", "-issuer", "notary4j-dev-issuer",
                "-service", "notary-server"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("-users") || !options.containsKey("-dir")) {
            System.err.println("usage: -users FILE -dir DIR [-port N] [-issuer NAME] [-service NAME]");
            System.exit(2);
        }
        DevTokenIssuer issuer = DevTokenIssuer.start(Path.of(options.get("-users")), options.get("-issuer"),
                options.get("-service"), Path.of(options.get("-dir")), Integer.parseInt(options.get("-port")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuer.close();
            stopped.countDown();
        }));
        System.out.println("dev token issuer: realm " + issuer.realm() + ", issuer " + issuer.issuer()
                + ", service " + issuer.service() + ", certificate " + issuer.certificate());
        stopped.await();
    }
}
