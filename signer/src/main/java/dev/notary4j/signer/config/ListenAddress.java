package dev.notary4j.signer.config;

import dev.notary4j.common.config.ConfigException;
import java.net.InetSocketAddress;

/** A Go listen address {@code host:port}; an empty host ({@code :7899}) means every interface. */
public record ListenAddress(String host, int port) {

    public static ListenAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigException("server.grpc_addr \"" + text + "\" is not host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException("server.grpc_addr \"" + text + "\" has no numeric port");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("server.grpc_addr port " + port + " is out of range");
        }
        return new ListenAddress(host, port);
    }

    public InetSocketAddress socketAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
