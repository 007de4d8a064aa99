package eu.s3cop.benchmarks;

import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.draft.Outcome;
import eu.s3cop.render.PdfRenderer;
import eu.s3cop.render.RenderSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time of the rendering thread for each render of a reference document, as
 * {@link RenderBenchmark} renders it, for comparing two builds on a shared machine.
 *
 * <p>Wall time also counts the moments other processes hold the cores, which on a busy machine
 * moves a median by a third; the thread's CPU time counts its own work, which co-tenants still
 * inflate through shared caches, so the tenth percentile is printed beside the median. Garbage
 * collection runs on threads of its own and is not counted: a change that only allocates more
 * shows in the wall time, not here.
 *
 * <pre>java -cp benchmarks.jar eu.s3cop.benchmarks.RenderCpuTime DOCUMENT [RENDERS] [WARM-UP]</pre>
 *
 * <p>Prints one line: {@code DOCUMENT median=<ms> p10=<ms>}.
 */
public final class RenderCpuTime {

    private RenderCpuTime() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: RenderCpuTime DOCUMENT [RENDERS] [WARM-UP]   (DOCUMENT: " + Arrays.toString(ReferenceDocuments.values()) + ")");
            System.exit(2);
        }
        ReferenceDocuments document = ReferenceDocuments.valueOf(args[0]);
        int renders = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        DraftReader reader = new DraftReader(DraftRules.defaults());
        RenderSettings settings = new RenderSettings(1, Instant.parse("2024-10-14T09:00:00Z"));
        PdfRenderer renderer = new PdfRenderer();
        byte[] markdown = document.markdown();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[renders];
        for (int i = 0; i < warmUp + renders; i++) {
            long started = threads.getCurrentThreadCpuTime();
            Outcome outcome = reader.read(document.fileName(), markdown);
            renderer.render(((Outcome.Accepted) outcome).draft(), settings, Map.of());
            if (i >= warmUp) {
                cpu[i - warmUp] = threads.getCurrentThreadCpuTime() - started;
            }
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s median=%.1f p10=%.1f%n", document, cpu[renders / 2] / 1e6, cpu[renders / 10] / 1e6);
    }
}
