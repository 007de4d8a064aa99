package eu.s3cop.stack.dynamodb;

import eu.s3cop.stack.StackException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * DynamoDB Local stores tables through sqlite4java, whose native libraries must sit in a folder
 * named by {@code sqlite4java.library.path}. Builds set that property; a packaged jar carries the
 * libraries under {@code native/} and they are unpacked once into a temporary folder.
 */
final class NativeLibraries {

    static final String PROPERTY = "sqlite4java.library.path";
    private static final String FOLDER = "native/";

    private NativeLibraries() {
    }

    static synchronized void ensureLoadable() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path jar = ownJar();
        if (jar == null) {
            throw new StackException("DynamoDB Local needs its native libraries: set -D" + PROPERTY
                    + " to a folder holding the com.almworks.sqlite4java libraries (the build copies them to target/native-libs)");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Path target = Files.createTempDirectory("s3cop-native-");
            target.toFile().deleteOnExit();
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(FOLDER) && !entry.isDirectory()) {
                    Path out = target.resolve(entry.getName().substring(FOLDER.length()));
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    out.toFile().deleteOnExit();
                }
            }
            System.setProperty(PROPERTY, target.toString());
        } catch (IOException e) {
            throw new StackException("Cannot unpack DynamoDB Local's native libraries: " + e.getMessage(), e);
        }
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(NativeLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
