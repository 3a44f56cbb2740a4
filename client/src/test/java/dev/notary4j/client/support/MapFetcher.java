package dev.notary4j.client.support;

import dev.notary4j.client.http.FetchException;
import dev.notary4j.client.http.MaliciousServerException;
import dev.notary4j.client.http.MetadataFetcher;
import dev.notary4j.client.http.MetadataNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves files from a map, with the fetcher contract's size cap: the updater without HTTP. */
public final class MapFetcher implements MetadataFetcher {
    private final Map<String, byte[]> files;
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public MapFetcher(Map<String, byte[]> files) {
        this.files = files;
    }

    @Override
    public byte[] fetch(String name, long maxBytes) throws FetchException {
        requests.add(name);
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new MetadataNotFoundException(name);
        }
        if (bytes.length > maxBytes) {
            throw new MaliciousServerException(name, maxBytes);
        }
        return bytes.clone();
    }
}
