package dev.notary4j.client.cli;

import dev.notary4j.client.targets.FoundTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The exact text of {@code notary list} and {@code notary lookup} (notary's {@code prettyprint.go}). */
final class TargetOutput {
    private TargetOutput() {
    }

    private static final String[] HEADER = {"NAME", "DIGEST", "SIZE (BYTES)", "ROLE"};
    private static final String[] DASHES = {"----", "------", "------------", "----"};

    static String list(List<FoundTarget> targets) {
        if (targets.isEmpty()) {
            return "\nNo targets present in this repository.\n\n";
        }
        List<String[]> rows = new ArrayList<>(targets.size() + 2);
        rows.add(HEADER);
        rows.add(DASHES);
        for (FoundTarget t : byName(targets)) {
            rows.add(new String[] {t.name(), t.sha256Hex().orElse(""), Long.toString(t.length()), t.role()});
        }
        return TabWriter.table(rows);
    }

    /** Go compares strings byte-wise (UTF-8), unlike {@link String#compareTo}; each name is encoded once. */
    private static List<FoundTarget> byName(List<FoundTarget> targets) {
        record Keyed(byte[] key, FoundTarget target) {
        }
        List<Keyed> keyed = new ArrayList<>(targets.size());
        for (FoundTarget t : targets) {
            keyed.add(new Keyed(t.name().getBytes(StandardCharsets.UTF_8), t));
        }
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        return keyed.stream().map(Keyed::target).toList();
    }

    static String lookup(FoundTarget target) {
        return target.name() + " sha256:" + target.sha256Hex().orElse("") + " " + target.length() + "\n";
    }
}
