package eu.s3cop.stack;

/** A port the stack must listen on is already in use on 127.0.0.1. */
public final class PortTakenException extends StackException {

    private final int port;

    public PortTakenException(String service, int port) {
        super("The " + service + " cannot listen on 127.0.0.1:" + port + ": the port is already in use."
                + " Stop the program that uses it, or choose another port.");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
