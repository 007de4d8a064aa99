package eu.s3cop.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks a port before a server takes it, so a clash is reported by name rather than as a stack trace. */
public final class Ports {

    private Ports() {
    }

    /** Fails with {@link PortTakenException} when {@code port} (other than 0, "any") is taken on 127.0.0.1. */
    public static void requireFree(int port, String service) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortTakenException(service, port);
        }
    }
}
