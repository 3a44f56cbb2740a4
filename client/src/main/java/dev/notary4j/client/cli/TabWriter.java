package dev.notary4j.client.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The layout of Go's {@code text/tabwriter} as the notary CLI configures it (minwidth 4, padding 4, space padding,
 * no flags): cells end with a tab, the text after a line's last tab is not part of any column, and a column block
 * (consecutive lines that have that column) is as wide as its widest cell plus the padding. Widths count code
 * points, as Go counts runes.
 */
final class TabWriter {
    private static final int MIN_WIDTH = 4;
    private static final int PADDING = 4;

    private TabWriter() {
    }

    /** Lays out {@code text} (tab-separated cells, newline-terminated lines) as Go's tabwriter would. */
    static String format(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            List<String> cells = new ArrayList<>(List.of(line.split("\t", -1)));
            lines.add(cells);
        }
        StringBuilder out = new StringBuilder();
        layout(lines, 0, lines.size(), new ArrayList<>(), out);
        return out.toString();
    }

    /**
     * {@link #format} of {@code rows} as tab-separated lines, each newline-terminated; every row has the same
     * number of cells. Then each column but the last is one block, so widths come from one pass, unless a cell
     * holds a tab or newline of its own (Go splits there too): that text goes through {@link #format}.
     */
    static String table(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns - 1];
        Arrays.fill(widths, MIN_WIDTH);
        int chars = 0;
        for (String[] row : rows) {
            for (int j = 0; j < columns; j++) {
                String cell = row[j];
                if (cell.indexOf('\t') >= 0 || cell.indexOf('\n') >= 0) {
                    return format(rows.stream().map(r -> String.join("\t", r) + "\n").collect(Collectors.joining()));
                }
                if (j < widths.length) {
                    widths[j] = Math.max(widths[j], runes(cell) + PADDING);
                }
                chars += cell.length();
            }
        }
        StringBuilder out = new StringBuilder(chars + rows.size() * (Arrays.stream(widths).sum() + 1));
        for (String[] row : rows) {
            for (int j = 0; j < columns; j++) {
                out.append(row[j]);
                for (int pad = j < widths.length ? widths[j] - runes(row[j]) : 0; pad > 0; pad--) {
                    out.append(' ');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void layout(List<List<String>> lines, int from, int to, List<Integer> widths, StringBuilder out) {
        int column = widths.size();
        int printedUpTo = from;
        int line = from;
        while (line < to) {
            if (column >= lines.get(line).size() - 1) {
                line++;
                continue;
            }
            write(lines, printedUpTo, line, widths, out);
            int blockStart = line;
            int width = MIN_WIDTH;
            while (line < to && column < lines.get(line).size() - 1) {
                width = Math.max(width, runes(lines.get(line).get(column)) + PADDING);
                line++;
            }
            widths.add(width);
            layout(lines, blockStart, line, widths, out);
            widths.remove(widths.size() - 1);
            printedUpTo = line;
        }
        write(lines, printedUpTo, to, widths, out);
    }

    private static void write(List<List<String>> lines, int from, int to, List<Integer> widths, StringBuilder out) {
        for (int i = from; i < to; i++) {
            List<String> cells = lines.get(i);
            for (int j = 0; j < cells.size(); j++) {
                String cell = cells.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    out.append(" ".repeat(widths.get(j) - runes(cell)));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }
}
