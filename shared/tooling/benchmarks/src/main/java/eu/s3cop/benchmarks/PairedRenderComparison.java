package eu.s3cop.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Two builds of the renderer in one JVM, each from its own benchmarks jar and class loader,
 * rendering a reference document in turn (A B, then B A), with each render's CPU time on the
 * rendering thread and its wall time.
 *
 * <p>On a shared machine a separate run per build lands on a different minute of other people's
 * load, and medians of the same build moved by a third between runs. Taken in turn, both builds
 * meet the same moments, and the median of the ratios of neighbouring renders cancels most of
 * the noise: the same build against itself comes out within 1 % of 1. Both builds share the heap,
 * so a change that only allocates more shows little here; JMH's wall time is the measure for that.
 *
 * <pre>java -cp benchmarks.jar eu.s3cop.benchmarks.PairedRenderComparison BASE.jar THIS.jar DOCUMENT [PAIRS] [WARM-UP]</pre>
 *
 * <p>Prints one line, times in milliseconds, ratios as this over base:
 * {@code DOCUMENT base=<median CPU> this=<median CPU> cpu-ratio=<median> wall-ratio=<median>}.
 */
public final class PairedRenderComparison {

    private PairedRenderComparison() {
    }

    /** One build's renderer, reached by reflection: its classes are not this class's. */
    private static final class Build {

        private final Object reader;
        private final Object renderer;
        private final Object settings;
        private final Method read;
        private final Method draft;
        private final Method render;
        private final String fileName;
        private final byte[] markdown;

        /** @param classPath the build's benchmarks jar, or any class path that holds the renderer and what it needs */
        Build(String classPath, String document) throws ReflectiveOperationException, MalformedURLException {
            String[] entries = classPath.split(File.pathSeparator);
            URL[] urls = new URL[entries.length];
            for (int i = 0; i < entries.length; i++) {
                urls[i] = Path.of(entries[i]).toUri().toURL();
            }
            // The platform loader as parent: nothing of this JVM's own class path leaks into a build.
            ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Class<?> rules = loader.loadClass("eu.s3cop.draft.DraftRules");
            Class<?> readerClass = loader.loadClass("eu.s3cop.draft.DraftReader");
            Class<?> settingsClass = loader.loadClass("eu.s3cop.render.RenderSettings");
            Class<?> rendererClass = loader.loadClass("eu.s3cop.render.PdfRenderer");
            Class<?> documents = loader.loadClass(ReferenceDocuments.class.getName());
            reader = readerClass.getConstructor(rules).newInstance(rules.getMethod("defaults").invoke(null));
            settings = settingsClass.getConstructor(int.class, Instant.class).newInstance(1, Instant.parse("2024-10-14T09:00:00Z"));
            renderer = rendererClass.getConstructor().newInstance();
            Object reference = documents.getMethod("valueOf", String.class).invoke(null, document);
            fileName = (String) documents.getMethod("fileName").invoke(reference);
            markdown = (byte[]) documents.getMethod("markdown").invoke(reference);
            read = readerClass.getMethod("read", String.class, byte[].class);
            draft = accepted(loader);
            render = rendererClass.getMethod("render", loader.loadClass("eu.s3cop.draft.Draft"), settingsClass, Map.class);
        }

        /**
         * How an accepted draft is taken out of the reader's outcome. A baseline build may be older
         * than the shared outcome type, whose accepted draft is its value; its own type named it draft.
         */
        private static Method accepted(ClassLoader loader) throws ReflectiveOperationException {
            try {
                return loader.loadClass("eu.s3cop.upload.Outcome$Accepted").getMethod("value");
            } catch (ClassNotFoundException olderBuild) {
                return loader.loadClass("eu.s3cop.draft.Outcome$Accepted").getMethod("draft");
            }
        }

        /** What {@link RenderBenchmark} measures: read and check the draft, then render it. */
        void renderOnce() throws IllegalAccessException, InvocationTargetException {
            render.invoke(renderer, draft.invoke(read.invoke(reader, fileName, markdown)), settings, Map.of());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PairedRenderComparison BASE.jar THIS.jar DOCUMENT [PAIRS] [WARM-UP]   (DOCUMENT: "
                    + Arrays.toString(ReferenceDocuments.values()) + ")");
            System.exit(2);
        }
        String document = ReferenceDocuments.valueOf(args[2]).name();
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Build[] builds = {new Build(args[0], document), new Build(args[1], document)};
        for (int i = 0; i < warmUp; i++) {
            builds[0].renderOnce();
            builds[1].renderOnce();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[2][pairs];
        long[][] wall = new long[2][pairs];
        for (int pair = 0; pair < pairs; pair++) {
            for (int turn = 0; turn < 2; turn++) {
                // A B, then B A: neither build always follows the other's garbage.
                int build = pair % 2 == 0 ? turn : 1 - turn;
                long startedCpu = threads.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                builds[build].renderOnce();
                wall[build][pair] = System.nanoTime() - started;
                cpu[build][pair] = threads.getCurrentThreadCpuTime() - startedCpu;
            }
        }
        System.out.printf(Locale.ROOT, "%s base=%.1f this=%.1f cpu-ratio=%.3f wall-ratio=%.3f%n", document,
                median(cpu[0]) / 1e6, median(cpu[1]) / 1e6, medianRatio(cpu[1], cpu[0]), medianRatio(wall[1], wall[0]));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double medianRatio(long[] after, long[] before) {
        double[] ratios = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            ratios[i] = (double) after[i] / before[i];
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }
}
