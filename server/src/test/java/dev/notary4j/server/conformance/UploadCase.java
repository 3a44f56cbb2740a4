package dev.notary4j.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * One upload of the catalogue: what the GUN holds before, the steps (valid uploads both servers must accept, then
 * the upload under test), what the Go notary-server answers to the last one (pinned, so
 * that a case named after a rule really trips that rule) and, only where the spec tells us to differ from a Go
 * quirk, what ours must answer instead (null: exactly Go's answer).
 */
record UploadCase(String name, Stored stored, Function<GunRepository, List<Upload>> steps, Expected go, Expected ours) {

    /** What the GUN holds before the upload. */
    enum Stored {
        /** Nothing: a brand-new GUN (the signer holds its timestamp key). */
        NOTHING(false, false),
        /** Nothing, and the signer holds a snapshot key for the GUN that its root will list. */
        NOTHING_SERVER_SNAPSHOT_KEY(false, true),
        /** The valid version-1 repository, the client signing snapshots. */
        CLIENT_SNAPSHOT(true, false),
        /** The valid version-1 repository, the server holding the snapshot key. */
        SERVER_SNAPSHOT(true, true),
        /** {@link #CLIENT_SNAPSHOT} whose root certificate has expired since it was stored. */
        EXPIRED_ROOT_CERTIFICATE(true, false);

        final boolean seeded;
        final boolean serverSnapshotKey;

        Stored(boolean seeded, boolean serverSnapshotKey) {
            this.seeded = seeded;
            this.serverSnapshotKey = serverSnapshotKey;
        }
    }

    boolean accepted() {
        return go.status() == 200 && ours == null;
    }

    boolean goQuirk() {
        return ours != null;
    }

    /** The answer ours must give. */
    Expected oursExpected() {
        return ours != null ? ours : go;
    }

    UploadCase differingFromGo(Expected specAnswer) {
        return new UploadCase(name, stored, steps, go, specAnswer);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * An answer: status (0 = connection closed without a response), error code and the JSON of {@code detail}
     * (null: no detail member), which may depend on the GUN's keys.
     */
    record Expected(int status, String code, Function<GunRepository, String> detail) {
        private static final ObjectMapper JSON = new ObjectMapper();

        static final Expected ACCEPTED = new Expected(200, null, r -> null);
        static final Expected CONNECTION_CLOSED = new Expected(0, null, r -> null);

        static Expected error(int status, String code, String detailJson) {
            return new Expected(status, code, r -> detailJson);
        }

        static Expected invalidUpdate(String kind, String message) {
            return new Expected(400, "INVALID_UPDATE", r -> detail(kind, message));
        }

        static Expected invalidUpdate(String kind, Function<GunRepository, String> message) {
            return new Expected(400, "INVALID_UPDATE", r -> detail(kind, message.apply(r)));
        }

        static String detail(String kind, String message) {
            return JSON.createObjectNode().put("Name", kind).set("Error", JSON.createObjectNode().put("Msg", message))
                    .toString();
        }

        /** The expected {@code detail} member, or null when there must be none. */
        JsonNode detailJson(GunRepository repository) {
            String text = detail.apply(repository);
            try {
                return text == null ? null : JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
