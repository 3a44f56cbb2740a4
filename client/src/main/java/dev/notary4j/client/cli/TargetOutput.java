package dev.notary4j.client.cli;

import dev.notary4j.client.targets.FoundTarget;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The exact text of {@code notary list} and {@code notary lookup} (notary's {@code prettyprint.go}). */
final class TargetOutput {
    private TargetOutput() {
    }

    /** Go compares strings byte-wise (UTF-8), unlike {@link String#compareTo}. */
    private static final Comparator<FoundTarget> BY_NAME = (a, b) -> Arrays.compareUnsigned(
            a.name().getBytes(StandardCharsets.UTF_8), b.name().getBytes(StandardCharsets.UTF_8));

    static String list(List<FoundTarget> targets) {
        if (targets.isEmpty()) {
            return "\nNo targets present in this repository.\n\n";
        }
        StringBuilder text = new StringBuilder("NAME\tDIGEST\tSIZE (BYTES)\tROLE\n----\t------\t------------\t----\n");
        targets.stream().sorted(BY_NAME).forEach(t -> text.append(t.name()).append('\t')
                .append(t.sha256Hex().orElse("")).append('\t')
                .append(t.length()).append('\t')
                .append(t.role()).append('\n'));
        return TabWriter.format(text.toString());
    }

    static String lookup(FoundTarget target) {
        return target.name() + " sha256:" + target.sha256Hex().orElse("") + " " + target.length() + "\n";
    }
}
