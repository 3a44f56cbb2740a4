package dev.notary4j.client.http;

/** HTTP 404: notary's {@code ErrMetaNotFound}. */
public final class MetadataNotFoundException extends FetchException {
    public MetadataNotFoundException(String name) {
        super(name, name + " trust data unavailable.  Has a notary repository been initialized?");
    }
}
