package dev.notary4j.wrapper.config;

import dev.notary4j.client.http.BasicCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One allowed value of a request's {@code notaryServer} ({@code host[:port]}, as notary-wrapper's callers send it),
 * the URL the wrapper really contacts for it, the CA bundle for that server's TLS certificate, and the credentials
 * the wrapper presents to that server's token service when it sits behind token authentication.
 */
public record NotaryServerSettings(String name, URI url, Optional<Path> rootCa, Duration timeout,
                                   Optional<BasicCredentials> credentials) {
}
