package dev.notary4j.server.update;

/**
 * Size caps of a POST update (the Go server has none). {@code maxBodyBytes} bounds the whole request body,
 * {@code maxPartBytes} every metadata file in it.
 */
public record UploadLimits(long maxBodyBytes, long maxPartBytes) {
    /** 100 MiB is the largest file the notary client itself accepts for a role. */
    public static final UploadLimits DEFAULT = new UploadLimits(128L << 20, 100L << 20);

    public UploadLimits {
        if (maxBodyBytes <= 0 || maxPartBytes <= 0 || maxPartBytes > maxBodyBytes) {
            throw new IllegalArgumentException("upload limits must be positive and a part cannot exceed the body");
        }
    }
}
