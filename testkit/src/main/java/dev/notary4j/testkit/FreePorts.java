package dev.notary4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Free TCP ports on the loopback interface. A port is free when this method returns, but another process may take
 * it before the caller binds it: launchers retry with a new port when their process reports "address already in
 * use".
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** One port that was free on 127.0.0.1 a moment ago. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind an ephemeral port on loopback", e);
        }
    }

    /** {@code count} distinct ports, each free on 127.0.0.1 a moment ago. */
    public static int[] pick(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(pick());
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }
}
