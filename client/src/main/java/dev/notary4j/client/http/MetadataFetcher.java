package dev.notary4j.client.http;

/** Where the updater gets metadata from; injected so that verification can be tested without a server. */
@FunctionalInterface
public interface MetadataFetcher {
    /**
     * Returns the bytes of {@code <name>.json} in the repository, failing with {@link MaliciousServerException} as
     * soon as more than {@code maxBytes} arrive.
     *
     * @param name a role name ({@code timestamp}, {@code targets/releases}), a versioned root ({@code 3.root}) or a
     *             consistent name ({@code snapshot.<sha256 hex>})
     */
    byte[] fetch(String name, long maxBytes) throws FetchException;
}
