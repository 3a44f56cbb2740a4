package dev.notary4j.wrapper.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One allowed value of a request's {@code notaryServer} ({@code host[:port]}, as notary-wrapper's callers send it),
 * the URL the wrapper really contacts for it, and the CA bundle for that server's TLS certificate.
 */
public record NotaryServerSettings(String name, URI url, Optional<Path> rootCa, Duration timeout) {
}
