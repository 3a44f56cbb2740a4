package dev.notary4j.wrapper;

import dev.notary4j.wrapper.config.ConfigException;
import dev.notary4j.wrapper.config.SettingsLoader;
import dev.notary4j.wrapper.config.WrapperSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code notary-wrapper -config FILE}: loads the configuration (environment overrides applied) and serves. */
public final class WrapperMain {
    private WrapperMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-config") || args[i].equals("--config")) && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else if (args[i].startsWith("-config=") || args[i].startsWith("--config=")) {
                config = Path.of(args[i].substring(args[i].indexOf('=') + 1));
            } else {
                usage("unknown argument " + args[i]);
            }
        }
        if (config == null) {
            usage("-config FILE is required");
        }
        WrapperSettings settings;
        try {
            settings = SettingsLoader.load(config, System.getenv());
        } catch (ConfigException e) {
            System.err.println("notary-wrapper: invalid configuration: " + e.getMessage());
            System.exit(1);
            return;
        }
        Wrapper wrapper = Wrapper.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            wrapper.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void usage(String problem) {
        System.err.println("notary-wrapper: " + problem + "\nusage: notary-wrapper -config FILE");
        System.exit(2);
    }
}
