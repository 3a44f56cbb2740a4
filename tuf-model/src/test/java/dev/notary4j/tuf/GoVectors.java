package dev.notary4j.tuf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads the reference vectors written by the Go generator (model-vectors/go/README.md). */
public final class GoVectors {
    private GoVectors() {
    }

    /** The rows of a TSV resource under model-vectors/go, comment lines skipped. */
    public static List<String[]> rows(String name) {
        String path = "/model-vectors/go/" + name;
        try (InputStream in = GoVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    /** Go error texts are written with tabs and newlines escaped. */
    public static String unescape(String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r");
    }
}
