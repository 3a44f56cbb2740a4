package dev.notary4j.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TabWriterTest {
    /** Output of the Go notary 0.7.0 CLI's {@code notary list} for a repository with two targets. */
    @Test
    void matchesNotaryListLayout() {
        String text = "NAME\tDIGEST\tSIZE (BYTES)\tROLE\n"
                + "----\t------\t------------\t----\n"
                + "v1\t5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\t6\ttargets\n"
                + "v2\t5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\t6\ttargets/releases\n";
        assertThat(TabWriter.format(text)).isEqualTo(
                "NAME    DIGEST                                                              SIZE (BYTES)    ROLE\n"
              + "----    ------                                                              ------------    ----\n"
              + "v1      5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03    6               targets\n"
              + "v2      5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03    6               targets/releases\n");
    }

    /** Column 0 is max(minwidth 4, 1 rune + padding 4) = 5 wide; column 1 exists only on the second line. */
    @Test
    void countsCodePointsAndKeepsEmptyCells() {
        assertThat(TabWriter.format("é\tb\n\tlong-cell\tz\n")).isEqualTo("é    b\n     long-cell    z\n");
    }

    @Test
    void columnBlocksEndAtLinesWithoutThatColumn() {
        assertThat(TabWriter.format("aaaaaaaa\tb\nplain\nc\td\n")).isEqualTo("aaaaaaaa    b\nplain\nc    d\n");
    }

    /** One pass over uniform rows lays them out as the general writer does, wide and non-ASCII cells included. */
    @Test
    void tableOfUniformRowsMatchesFormat() {
        List<String[]> rows = List.of(new String[] {"NAME", "DIGEST", "SIZE (BYTES)", "ROLE"},
                new String[] {"----", "------", "------------", "----"},
                new String[] {"é-tag", "", "0", "targets"},
                new String[] {"a-much-longer-target-name", "ab12", "123456789", "targets/releases"},
                new String[] {"x", "cd34", "7", ""});
        String text = rows.stream().map(r -> String.join("\t", r) + "\n").collect(Collectors.joining());
        assertThat(TabWriter.table(rows)).isEqualTo(TabWriter.format(text));
    }

    /** A tab or newline inside a cell splits it, as Go's tabwriter does: such a table is laid out as text. */
    @Test
    void tableWithATabOrNewlineInACellIsLaidOutAsText() {
        List<String[]> rows = List.of(new String[] {"NAME", "ROLE"}, new String[] {"tab\there", "targets"},
                new String[] {"new\nline", "targets"});
        assertThat(TabWriter.table(rows)).isEqualTo(TabWriter.format("NAME\tROLE\ntab\there\ttargets\nnew\nline\ttargets\n"));
    }
}
