package dev.notary4j.client.update;

import dev.notary4j.client.TufClientException;

/** The server has no {@code root.json} for the GUN: notary's {@code ErrRepositoryNotExist}. */
public final class RepositoryNotFoundException extends TufClientException {
    private final String remote;
    private final String gun;

    public RepositoryNotFoundException(String remote, String gun) {
        super(remote + " does not have trust data for " + gun);
        this.remote = remote;
        this.gun = gun;
    }

    public String remote() {
        return remote;
    }

    public String gun() {
        return gun;
    }
}
