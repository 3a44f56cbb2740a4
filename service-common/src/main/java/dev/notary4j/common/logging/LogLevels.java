package dev.notary4j.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.notary4j.common.config.ConfigException;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Applies notary's {@code logging.level} (logrus level names) to Logback. */
public final class LogLevels {

    private LogLevels() {
    }

    public static Level fromGoName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error", "fatal", "panic" -> Level.ERROR;
            default -> throw new ConfigException("logging.level \"" + name
                    + "\" is not one of trace, debug, info, warn, error, fatal, panic");
        };
    }

    /** Sets the level of our own loggers ({@code dev.notary4j}); library loggers stay at WARN unless debugging. */
    public static void apply(String goLevelName) {
        Level level = fromGoName(goLevelName);
        ((Logger) LoggerFactory.getLogger("dev.notary4j")).setLevel(level);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN);
    }
}
