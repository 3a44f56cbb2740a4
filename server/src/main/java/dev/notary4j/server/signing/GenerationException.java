package dev.notary4j.server.signing;

/**
 * Generation failed for another reason than missing keys: unusable base/root, or a trust service failure.
 * {@code previousUnreadable} marks a stored previous timestamp that cannot be parsed (Go reports that without
 * detail).
 */
public final class GenerationException extends Exception {
    private final boolean previousUnreadable;

    public GenerationException(String message, boolean previousUnreadable) {
        super(message);
        this.previousUnreadable = previousUnreadable;
    }

    public GenerationException(String message) {
        this(message, false);
    }

    public boolean previousUnreadable() {
        return previousUnreadable;
    }
}
