package dev.notary4j.server.storage.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicas on one PostgreSQL database tell each other which GUN changed with {@code NOTIFY}. One daemon thread holds
 * a pooled connection that {@code LISTEN}s; whenever that connection is (re)established or fails, subscribers are told
 * to forget everything, because notifications sent meanwhile are lost.
 */
public final class PostgresInvalidationBus implements InvalidationBus {

    static final String CHANNEL = "notary4j_metadata_changed";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresInvalidationBus.class);
    private static final int POLL_MILLIS = 250;
    private static final long RETRY_MILLIS = 1_000;

    private final DataSource dataSource;
    private final Thread listener;
    private volatile Consumer<String> changed = gun -> { };
    private volatile Runnable lost = () -> { };
    private volatile boolean closed;

    public PostgresInvalidationBus(DataSource dataSource) {
        this.dataSource = dataSource;
        this.listener = new Thread(this::listen, "metadata-cache-listener");
        listener.setDaemon(true);
    }

    @Override
    public void subscribe(Consumer<String> changed, Runnable lost) {
        this.changed = changed;
        this.lost = lost;
        if (!listener.isAlive()) {
            listener.start();
        }
    }

    @Override
    public void publish(String gun) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, gun);
            notify.execute();
        } catch (SQLException e) {
            LOG.warn("cannot notify other replicas that {} changed (their caches expire on their own): {}", gun,
                    e.getMessage());
        }
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                lost.run();  // whatever was cached before LISTEN took effect may be stale
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            changed.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                lost.run();
                if (!closed) {
                    LOG.warn("metadata cache lost its change notifications, retrying: {}", e.getMessage());
                    sleepBeforeRetry();
                }
            }
        }
    }

    private void sleepBeforeRetry() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        try {
            listener.join(2 * POLL_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
