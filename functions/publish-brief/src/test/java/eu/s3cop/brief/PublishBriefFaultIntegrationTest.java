package eu.s3cop.brief;

import static eu.s3cop.brief.Briefs.PUBLICATIONS;
import static eu.s3cop.brief.Briefs.UPLOADS;
import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.BriefFiles;
import eu.s3cop.publications.Publication;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.FaultInjector;
import eu.s3cop.testing.FaultInjector.When;
import eu.s3cop.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every AWS call of a publication fails once, in turn, before it is sent, after it succeeded
 * (its answer lost) and throttled, and Lambda's retry runs: after each scenario the upload is
 * untouched, exactly one version exists, no PDF is orphaned, the index points at a PDF that
 * exists, and the report tells the truth.
 */
@LocalAws
class PublishBriefFaultIntegrationTest {

    private static LocalCloud stack;
    private static Briefs briefs;
    private static final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        briefs = new Briefs(stack);
        stack.onInvocation(invocations::add);
    }

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    @Test
    void aFaultAtAnyStepIsMadeGoodByTheRetryWithNothingLostOrDoubled() {
        // A rehearsal without a fault lists the calls of one publication.
        invocations.clear();
        FaultInjector.arm("publish-brief", 0, When.BEFORE_SENDING);
        briefs.upload("drafts/innovation-diffusion/rehearsal.md", Briefs.draft("Rehearsal", "Counting the calls of one publication."));
        List<String> steps = FaultInjector.operations();
        assertThat(steps).as("the calls of one publication").contains("S3.GetObject", "DynamoDb.TransactWriteItems", "S3.PutObject");

        List<String> problems = new ArrayList<>();
        int scenarios = 0;
        for (int step = 1; step <= steps.size(); step++) {
            for (When when : When.values()) {
                String scenario = steps.get(step - 1) + " (call " + step + ") failing " + when;
                String slug = "fault-" + step + "-" + when.name().toLowerCase().replace('_', '-');
                String key = "drafts/innovation-diffusion/" + slug + ".md";
                byte[] draft = Briefs.draft("Fault at " + steps.get(step - 1) + " " + when, "Step " + step + ".");
                invocations.clear();
                FaultInjector.arm("publish-brief", step, when);
                briefs.upload(key, draft);
                FaultInjector.disarm();
                problems.addAll(check(scenario, key, slug, draft));
                scenarios++;
            }
        }
        System.out.printf("publishing faults: %d scenarios (%d calls, each failing %s), %d problems%n",
                scenarios, steps.size(), java.util.Arrays.toString(When.values()), problems.size());
        assertThat(problems).isEmpty();
    }

    private List<String> check(String scenario, String key, String slug, byte[] draft) {
        List<String> problems = new ArrayList<>();
        String id = "innovation-diffusion/" + slug;
        problems.addAll(FaultInjector.deliveryProblems(scenario, invocations, key));
        if (!java.util.Arrays.equals(briefs.object(UPLOADS, key), draft)) {
            problems.add(scenario + ": the upload changed");
        }
        List<Integer> versions = briefs.versions(id);
        if (!versions.equals(List.of(1))) {
            problems.add(scenario + ": versions " + versions + ", not exactly [1]");
        }
        List<String> files = briefs.keys(PUBLICATIONS, "briefs/" + id + "/");
        if (!files.equals(java.util.stream.Stream.of(BriefFiles.pdf(id, 1), BriefFiles.text(id, 1), BriefFiles.article(id, 1)).sorted().toList())) {
            problems.add(scenario + ": files " + files + ", not exactly v1's PDF, words and article");
        }
        Optional<Publication> publication = briefs.store.publication(id);
        if (publication.isEmpty() || publication.get().latestVersion() != 1) {
            problems.add(scenario + ": the index does not show version 1: " + publication);
        }
        Map<String, Object> report = briefs.report(key);
        if (!"PUBLISHED".equals(report.get("status")) || !Integer.valueOf(1).equals(report.get("version"))) {
            problems.add(scenario + ": the report says " + new String(briefs.object(UPLOADS, "reports/" + key + ".json"), StandardCharsets.UTF_8));
        }
        return problems;
    }
}
