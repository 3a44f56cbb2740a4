package dev.notary4j.tuf.model;

import java.time.OffsetDateTime;

/** The {@code signed} part of a metadata file: fields common to all roles ({@code SignedCommon}). */
public sealed interface SignedBody permits Root, Targets, Snapshot, Timestamp {
    /** The {@code _type} value: Root, Targets, Snapshot or Timestamp. */
    String type();

    /** {@code expires}, in the writer's offset; {@link dev.notary4j.tuf.json.GoTime#ZERO} when absent or null. */
    OffsetDateTime expires();

    int version();
}
