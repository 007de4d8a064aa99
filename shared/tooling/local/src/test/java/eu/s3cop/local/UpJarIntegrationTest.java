package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import eu.s3cop.testing.ProjectFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code s3cop-local.jar}, started as a user starts it, driven by the real AWS CLI
 * and plain HTTP from outside its process.
 */
class UpJarIntegrationTest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static Process stack;
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static int s3Port;
    private static int dynamoDbPort;
    private static int httpPort;

    @BeforeAll
    static void startTheJar() throws Exception {
        Path jar = Path.of("target/s3cop-local.jar").toAbsolutePath();
        assertThat(jar).as("the packaged local stack (mvn package builds it)").isRegularFile();
        s3Port = freePort();
        dynamoDbPort = freePort();
        httpPort = freePort();
        stack = start(jar, output, "up", "--ephemeral", "--seed",
                "--s3-port", String.valueOf(s3Port), "--dynamodb-port", String.valueOf(dynamoDbPort), "--http-port", String.valueOf(httpPort));
        awaitLine(output, line -> line.startsWith("Ready."), STARTUP);
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (stack != null && stack.isAlive()) {
            stack.destroy();
            stack.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startupSummaryNamesEndpointsBucketsTablesAndTriggers() {
        // A newcomer's first sight is the system's own banner, not a library's warning.
        assertThat(output.stream().filter(line -> !line.isBlank()).findFirst()).hasValueSatisfying(first ->
                assertThat(first).startsWith("S3 CoP publishing pipeline, local stack"));
        String summary = String.join("\n", output);
        assertThat(summary).contains(
                "S3        http://127.0.0.1:" + s3Port,
                "DynamoDB  http://127.0.0.1:" + dynamoDbPort,
                "HTTP      http://127.0.0.1:" + httpPort,
                "Buckets   s3cop-uploads, s3cop-publications, s3cop-site",
                "Tables    s3cop-publications, s3cop-webinars",
                "publish-brief              S3 s3:ObjectCreated:* on s3cop-uploads/drafts/*.md",
                "webinar-scheduler          ScheduleV2 rate(5 minutes); now: curl -X POST http://127.0.0.1:" + httpPort
                        + "/_local/schedules/webinar-scheduler",
                "refresh-catalogue          DynamoDB stream of s3cop-publications");
    }

    @Test
    void seedUploadsTheSamplesAndTheirFunctionsRun() {
        assertThat(output).anyMatch(line -> line.startsWith("seeded   s3://s3cop-uploads/drafts/innovation-diffusion/"));
        assertThat(output).anyMatch(line -> line.startsWith("publish-brief") && line.contains("S3 s3cop-uploads/drafts/innovation-diffusion/"));
        assertThat(output).anyMatch(line -> line.startsWith("register-secretariat-files") && line.contains("S3 s3cop-uploads/webinars/"));
    }

    @Test
    void anAwsCliUploadInvokesTheWiredFunctionOnce(@TempDir Path folder) throws Exception {
        Path draft = folder.resolve("cli upload ř.md");
        Files.writeString(draft, "# Uploaded with the AWS CLI\n", StandardCharsets.UTF_8);
        Process cli = aws("s3", "cp", draft.toString(), "s3://s3cop-uploads/drafts/innovation-diffusion/");
        String cliOutput = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(cliOutput).isZero();

        // The stack's invocation line, not the function's own log lines (prefixed "publish-brief | ").
        Predicate<String> invocation = line -> line.matches("publish-brief\\s+S3 s3cop-uploads/drafts/innovation-diffusion/cli upload ř\\.md .*");
        awaitLine(output, invocation.and(line -> line.contains(" OK ")), Duration.ofSeconds(30));
        Thread.sleep(1500);
        assertThat(output.stream().filter(invocation)).hasSize(1);
    }

    @Test
    void aMultilingualDraftUploadedWithTheAwsCliIsPublishedAndItsTextSurvivesPdftotext(@TempDir Path folder) throws Exception {
        Path draft = ProjectFiles.root().resolve("events/drafts/innovation-diffusion/voices-from-the-regions.md");
        Path copy = folder.resolve("voices-cli.md");
        Files.copy(draft, copy);
        Process upload = aws("s3", "cp", copy.toString(), "s3://s3cop-uploads/drafts/innovation-diffusion/voices-cli.md");
        assertThat(upload.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(upload.exitValue()).isZero();
        awaitLine(output, line -> line.matches("publish-brief\\s+S3 s3cop-uploads/drafts/innovation-diffusion/voices-cli\\.md .* OK .*"), Duration.ofSeconds(60));

        Path report = folder.resolve("report.json");
        Process fetchReport = aws("s3", "cp", "s3://s3cop-uploads/reports/drafts/innovation-diffusion/voices-cli.md.json", report.toString());
        assertThat(fetchReport.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(report)).contains("\"status\" : \"PUBLISHED\"", "\"publication\" : \"innovation-diffusion/voices-cli\"");

        Path pdf = folder.resolve("brief.pdf");
        Process fetchPdf = aws("s3", "cp", "s3://s3cop-publications/briefs/innovation-diffusion/voices-cli/v1.pdf", pdf.toString());
        assertThat(fetchPdf.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fetchPdf.exitValue()).isZero();
        Process pdftotext = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(pdftotext.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(text).contains(
                "Alison Hunter, Νίκος Παπαδόπουλος, Мария Иванова, Ágnes Szűcs",
                "«Η καινοτομία χρειάζεται εμπιστοσύνη πριν από χρηματοδότηση.»",
                "„Малките фирми учат най-бързо една от друга.“",
                "„A jó gyakorlatok csak akkor terjednek, ha valaki elmagyarázza őket.”",
                "„Cyfryzacja zaczyna się od ludzi, nie od sprzętu.”",
                "„Inovația are nevoie de parteneri locali de încredere.”",
                "Rapporteurs draft a policy brief on peer learning between firms.");
    }

    @Test
    void theScheduleRunsOnDemandAndTheAnswerComesWhenItHasFinished() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/_local/schedules/webinar-scheduler"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        awaitLine(output, line -> line.startsWith("webinar-scheduler") && line.contains("on demand"), Duration.ofSeconds(5));
    }

    @Test
    void aSecondStackOnTheSamePortsFailsWithAClearMessage() throws Exception {
        List<String> second = new CopyOnWriteArrayList<>();
        Process clash = start(Path.of("target/s3cop-local.jar").toAbsolutePath(), second, "up", "--ephemeral",
                "--s3-port", String.valueOf(s3Port), "--dynamodb-port", String.valueOf(dynamoDbPort), "--http-port", String.valueOf(httpPort));
        assertThat(clash.waitFor(60, TimeUnit.SECONDS)).as("the second stack exits").isTrue();
        assertThat(clash.exitValue()).isNotZero();
        assertThat(String.join("\n", second)).contains("127.0.0.1:" + s3Port, "already in use").doesNotContain("\tat ");
    }

    private static Process start(Path jar, List<String> lines, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(ProjectFiles.root().toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static Process aws(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", "http://127.0.0.1:" + s3Port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "eu-west-1"));
        builder.environment().remove("AWS_PROFILE");
        try {
            return builder.start();
        } catch (IOException e) {
            return fail("This test drives the real AWS CLI: install it (apt-get install awscli) and put 'aws' on the PATH", e);
        }
    }

    private static void awaitLine(List<String> lines, Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(wanted)) {
                return;
            }
            if (stack != null && !stack.isAlive()) {
                fail("The stack exited early:\n" + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
        fail("Waited " + timeout.toSeconds() + " s for a line; the output was:\n" + String.join("\n", lines));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
