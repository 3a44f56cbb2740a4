package dev.notary4j.server.validation;

/**
 * A role file broke one of the load rules of spec §5.4. The message is the one notary's builder reports (tuf-model's
 * exceptions already carry Go's text); the validator decides which §5.1 kind it becomes from the step that loaded
 * the file.
 */
public final class RuleViolation extends Exception {
    private static final long serialVersionUID = 1L;

    RuleViolation(String goMessage) {
        super(goMessage);
    }
}
