package dev.notary4j.tuf.model;

/** Metadata that notary would refuse; subclasses say at which stage and carry the facts. */
public abstract class MetadataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String role;

    protected MetadataException(String role, String message) {
        super(message);
        this.role = role;
    }

    /** The role whose metadata was being read, or null when not known yet (envelope). */
    public String role() {
        return role;
    }
}
