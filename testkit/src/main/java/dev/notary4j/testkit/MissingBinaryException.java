package dev.notary4j.testkit;

/** A Go reference binary is not installed: interop tests fail with this instead of being skipped. */
public final class MissingBinaryException extends IllegalStateException {
    private final String binary;
    private final String debianPackage;

    public MissingBinaryException(String binary, String debianPackage) {
        super(binary + " not found on PATH: install the Debian package `" + debianPackage
                + "` (apt-get install " + debianPackage + ", or run bin/setup-test-env)");
        this.binary = binary;
        this.debianPackage = debianPackage;
    }

    public String binary() {
        return binary;
    }

    public String debianPackage() {
        return debianPackage;
    }
}
