package dev.notary4j.wrapper.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where the wrapper listens; HTTPS when a certificate is set, client certificates required when a client CA is. */
public record ListenSettings(String host, int port, Optional<Path> tlsCert, Optional<Path> tlsKey,
        Optional<Path> clientCa) {
}
