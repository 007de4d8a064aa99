package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.groups.WorkingGroupRegistry;
import eu.s3cop.groups.store.DynamoDbRegistryStore;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.FaultInjector;
import eu.s3cop.testing.FaultInjector.When;
import eu.s3cop.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Every AWS call of updating a working group's registry fails once, in turn: before it is
 * sent, after it succeeded with its answer lost, and throttled. Lambda's retry then runs.
 * After each scenario the upload is untouched, the registry is the file's, the group's page
 * shows it, and the report says UPDATED, never UNCHANGED.
 */
@LocalAws
class RegisterRegistryFaultIntegrationTest {

    private static final String GROUP = "interregional-cooperation";
    private static final String KEY = "working-groups/" + GROUP + ".yaml";
    private static final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private static LocalCloud stack;
    private static S3Client s3;
    private static DynamoDbRegistryStore registries;

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        s3 = stack.s3Client();
        registries = new DynamoDbRegistryStore(stack.dynamoDbClient(), stack.environment("register-secretariat-files").get("WEBINARS_TABLE"));
        stack.onInvocation(invocations::add);
    }

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    @Test
    void aFaultAtAnyStepOfUpdatingARegistryIsMadeGoodByTheRetry() throws Exception {
        SecretariatFiles.upload(stack, s3, KEY, file("the first version"));
        FaultInjector.arm("register-secretariat-files", 0, When.BEFORE_SENDING);
        SecretariatFiles.upload(stack, s3, KEY, file("the rehearsal"));
        List<String> steps = FaultInjector.operations();
        assertThat(steps).as("the calls of an update").contains("S3.GetObject", "DynamoDb.GetItem", "DynamoDb.PutItem", "S3.PutObject");

        List<String> problems = new ArrayList<>();
        int scenarios = 0;
        for (int step = 1; step <= steps.size(); step++) {
            for (When when : When.values()) {
                String scenario = steps.get(step - 1) + " (call " + step + ") " + when;
                byte[] file = file(scenario);
                invocations.clear();
                FaultInjector.arm("register-secretariat-files", step, when);
                SecretariatFiles.upload(stack, s3, KEY, file);
                FaultInjector.disarm();
                problems.addAll(check(scenario, file));
                scenarios++;
            }
        }
        System.out.printf("registry faults: %d scenarios (%d calls to update, each failing %s), %d problems%n",
                scenarios, steps.size(), Arrays.toString(When.values()), problems.size());
        assertThat(problems).isEmpty();
    }

    /** A registry whose one meeting names the scenario, so that each upload changes it. */
    private static byte[] file(String meeting) {
        return ("objective: Registered while its calls fail.\nmeetings:\n  - {date: 2031-03, title: \"" + meeting + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> check(String scenario, byte[] file) throws Exception {
        List<String> problems = new ArrayList<>(FaultInjector.deliveryProblems(scenario, invocations, KEY));
        if (!Arrays.equals(s3.getObjectAsBytes(get -> get.bucket("s3cop-uploads").key(KEY)).asByteArray(), file)) {
            problems.add(scenario + ": the upload changed");
        }
        List<String> stored = registries.get(GROUP).map(WorkingGroupRegistry::meetings).orElse(List.of()).stream()
                .map(WorkingGroupRegistry.Meeting::title).toList();
        if (!stored.equals(List.of(scenario))) {
            problems.add(scenario + ": the stored registry's meetings are " + stored);
        }
        if (!page().contains(scenario)) {
            problems.add(scenario + ": the group's page does not show the new registry");
        }
        Map<String, Object> report = SecretariatFiles.report(s3, KEY);
        if (!"UPDATED".equals(report.get("status"))) {
            problems.add(scenario + ": the report says " + report);
        }
        return problems;
    }

    private static String page() {
        try {
            return s3.getObjectAsBytes(get -> get.bucket(stack.bucket("SiteBucket"))
                    .key("working-groups/" + GROUP + ".html")).asUtf8String();
        } catch (NoSuchKeyException e) {
            return "";
        }
    }
}
