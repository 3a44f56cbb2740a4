package dev.notary4j.testkit;

import java.nio.file.Path;

/** A reference peer did not become ready; the message carries the end of its log. */
public final class PeerStartupException extends IllegalStateException {
    private final String peer;
    private final Path logFile;
    private final String logTail;

    public PeerStartupException(String peer, String reason, Path logFile, String logTail) {
        super(peer + " did not start: " + reason + "\n--- last lines of " + logFile + "\n" + logTail);
        this.peer = peer;
        this.logFile = logFile;
        this.logTail = logTail;
    }

    public String peer() {
        return peer;
    }

    public Path logFile() {
        return logFile;
    }

    public String logTail() {
        return logTail;
    }

    /** Whether the peer lost the race for its port to another process (the launcher then retries). */
    boolean lostPortRace() {
        return logTail.contains("address already in use");
    }
}
