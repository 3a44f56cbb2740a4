package dev.notary4j.testkit;

/** A {@link NotaryCli} call failed or timed out; carries what the CLI printed. */
public final class NotaryCliException extends RuntimeException {
    private final transient NotaryCli.Result result;
    private final boolean timedOut;

    NotaryCliException(String reason, NotaryCli.Result result, boolean timedOut) {
        super(reason + ": " + String.join(" ", result.command()) + "\n--- stdout\n" + result.stdout()
                + "\n--- stderr\n" + result.stderr());
        this.result = result;
        this.timedOut = timedOut;
    }

    public NotaryCli.Result result() {
        return result;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
