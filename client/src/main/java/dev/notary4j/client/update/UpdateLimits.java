package dev.notary4j.client.update;

/**
 * Download caps. notary's are {@code MaxTimestampSize} (1 MiB) and {@code MaxDownloadSize} (100 MiB, for files
 * whose size nothing vouches for: {@code root.json} and {@code <n>.root.json}); every other file is capped at the
 * length its parent vouches for. {@code maxRootRotations} bounds the {@code <n>.root.json} chain a server can make
 * us walk (notary has no bound).
 */
public record UpdateLimits(long maxTimestampBytes, long maxUnknownBytes, int maxRootRotations) {
    public static final UpdateLimits NOTARY = new UpdateLimits(1L << 20, 100L << 20, 256);

    public UpdateLimits {
        if (maxTimestampBytes < 1 || maxUnknownBytes < 1 || maxRootRotations < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
