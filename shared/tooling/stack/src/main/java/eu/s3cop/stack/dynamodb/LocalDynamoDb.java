package eu.s3cop.stack.dynamodb;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import eu.s3cop.stack.Ports;
import eu.s3cop.stack.StackException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local over HTTP on 127.0.0.1.
 *
 * <p>DynamoDB Local's own launcher binds every interface and has no option to choose one; its
 * request handler is mounted here on a Jetty connector bound to the loopback address instead.
 * Telemetry stays off, so it never reaches for the network.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private final Server server;
    private final LocalDynamoDBRequestHandler engine;
    private final URI endpoint;

    private LocalDynamoDb(Server server, LocalDynamoDBRequestHandler engine, URI endpoint) {
        this.server = server;
        this.engine = engine;
        this.endpoint = endpoint;
    }

    /**
     * @param port the port, or 0 for any free one
     * @param directory where tables persist, or null to keep them in memory
     */
    public static LocalDynamoDb start(int port, Path directory) {
        Ports.requireFree(port, "DynamoDB endpoint");
        // sqlite4java warns through java.util.logging that a repackaged jar has no version: noise.
        SQLITE_LOG.setLevel(Level.SEVERE);
        NativeLibraries.ensureLoadable();
        try {
            Telemetry.configureTelemetry("MAVEN", directory == null ? "inMemory" : "dbPath", false);
            if (directory != null) {
                Files.createDirectories(directory);
            }
            LocalDynamoDBRequestHandler engine = new LocalDynamoDBRequestHandler(
                    0, directory == null, directory == null ? null : directory.toAbsolutePath().toString(), true, false);
            LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(engine, null);
            // Created only to build DynamoDB Local's handler chain; its own server is never started.
            DynamoDBProxyServer unbound = new DynamoDBProxyServer(0, handler);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            server.setHandler(unbound.setUpHandler(handler));
            server.start();
            return new LocalDynamoDb(server, engine, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
        } catch (StackException e) {
            throw e;
        } catch (Exception e) {
            throw new StackException("DynamoDB Local did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new StackException("DynamoDB Local did not stop cleanly: " + e.getMessage(), e);
        } finally {
            engine.shutdown();
        }
    }
}
