package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.local.Seeder;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.lambda.FunctionRunner;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.template.LocalResolver;
import eu.s3cop.stack.template.Template;
import eu.s3cop.system.AwsCallRecorder.Need;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.LocalDataCite;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.testing.SampleMaterials;
import eu.s3cop.testing.SentEmails;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system runs in the local stack through every path (publishing, previews, rejections,
 * superseded uploads, webinars and their materials, registrations, every email kind, every API
 * route), and then:
 *
 * <ul>
 *   <li>each function's role in template.yaml allows exactly what its code did: while it ran,
 *       {@link AwsCallRecorder} noted each AWS call as the IAM action and resource it needs on
 *       AWS; every call must be allowed by its function's role, and every permission a role
 *       grants must have been used by some call;</li>
 *   <li>every line every function logged is a JSON object with the request id and its subject
 *       (the upload's key, the scheduled run), no line carries a registrant's name or address,
 *       and the metrics are valid Embedded Metric Format documents.</li>
 * </ul>
 */
@LocalAws(parameters = {"DataCitePrefix=10.12345", "DataCiteApi=http://127.0.0.1:" + WholeSystemIntegrationTest.DATACITE_PORT + "/"})
class WholeSystemIntegrationTest {

    /** Where the run's DataCite answers: a port fixed before the stack starts, as its parameters are. */
    static final int DATACITE_PORT = 47311;
    private static LocalDataCite dataCite;

    static final String REGION = StackSettings.REGION;
    static final String ACCOUNT = LocalResolver.ACCOUNT_ID;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static final List<String> READ_ROUTES = List.of("/publications", "/publications?working_group=innovation-diffusion",
            "/publications?type=policy-brief", "/publications?year=2024", "/publications?q=diffusion", "/publications/innovation-diffusion/mapped",
            "/webinars", "/webinars?when=past", "/webinars/policy-check", "/webinars/policy-check/invite.ics", "/calendar.ics",
            "/publications?q=eva", "/publications?q=Lindqvist", "/oai?verb=Identify", "/oai?verb=ListRecords&metadataPrefix=oai_openaire",
            "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:s3cop.localhost:innovation-diffusion/mapped");

    private static LocalCloud stack;
    private static List<Need> needs;
    private static final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void runEveryPath(LocalCloud localCloud) throws Exception {
        stack = localCloud;
        dataCite = LocalDataCite.start("", "", DATACITE_PORT);
        stack.onInvocation(invocation -> {
            invocations.add(invocation);
            invocation.failure().ifPresent(error -> error.printStackTrace(System.out));
        });
        String uploads = stack.bucket("UploadsBucket");
        // A search before anything is published finds no index: the reader API reads it through links it signs with its own
        // credentials, and S3 answers such a link 404 only where its role may list the bucket (else 403).
        HttpResponse<String> early = send("GET", "/publications?q=diffusion", null);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
        String publications = stack.bucket("PublicationsBucket");
        AwsCallRecorder.add(new Need("reader-api", "s3:GetObject", List.of("arn:aws:s3:::" + publications + "/search/v1/index.json"),
                "presigned link -> 404"));
        AwsCallRecorder.add(new Need("reader-api", "s3:ListBucket", List.of("arn:aws:s3:::" + publications), "presigned link -> 404"));
        // Two subscribers to news by email, confirmed from their links, before anything is published: each publication is
        // announced to one, and the week's digest goes to the other.
        for (String subscription : List.of("{\"email\": \"news@example.org\", \"scope\": \"all\"}",
                "{\"email\": \"weekly@example.org\", \"scope\": \"innovation-diffusion\", \"frequency\": \"weekly\"}")) {
            assertThat(send("POST", "/subscriptions", subscription).statusCode()).isEqualTo(202);
            stack.awaitIdle(Duration.ofSeconds(60));
            String page = URI.create(SentEmails.subscriptionPage(stack, "Confirm your subscription to S3 CoP news")).getPath();
            assertThat(send("GET", page, null).statusCode()).isEqualTo(200);
            assertThat(send("POST", page, "{\"action\": \"confirm\"}").statusCode()).isEqualTo(200);
        }
        Seeder.seed(stack, ProjectFiles.root().resolve("events"), new PrintStream(OutputStream.nullOutputStream()));
        LocalDateTime starts = LocalDateTime.now(BRUSSELS).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        try (S3Client s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/figures/map.png"), RequestBody.fromBytes(png()));
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/with-a-map.md"), RequestBody.fromString(
                    draft("With a map", "![Regions](figures/map.png)\n\nAnd one that is missing: ![Gone](figures/gone.png)\n")));
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/mapped.md"), RequestBody.fromString(
                    draft("Mapped", "![Regions](figures/map.png)\n")));
            // A photograph: the site copies a JPEG figure as it does a PNG one.
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/figures/workshop.jpg"), RequestBody.fromBytes(image("jpg")));
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/photographed.md"), RequestBody.fromString(
                    draft("Photographed", "![A workshop](figures/workshop.jpg)\n")));
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/broken.md"), RequestBody.fromString(
                    "---\ntitle: Broken\ntype: memo\n---\nText.\n"));
            stack.awaitIdle(Duration.ofSeconds(120));
            // The same draft again, then changed: unchanged, then version 2.
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/mapped.md"), RequestBody.fromString(
                    draft("Mapped", "![Regions](figures/map.png)\n")));
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/mapped.md"), RequestBody.fromString(
                    draft("Mapped", "![Regions](figures/map.png)\n\nA second version.\n")));
            s3.putObject(put -> put.bucket(uploads).key("webinars/policy-check.yaml"), RequestBody.fromString(webinar(starts, "scheduled")));
            s3.putObject(put -> put.bucket(uploads).key("webinars/broken.yaml"), RequestBody.fromString("title: Broken\n"));
            stack.awaitIdle(Duration.ofSeconds(120));
            // A third version, in a batch of its own: the search index's third commit removes the files only its first used.
            s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/mapped.md"), RequestBody.fromString(
                    draft("Mapped", "![Regions](figures/map.png)\n\nA third version.\n")));
            stack.awaitIdle(Duration.ofSeconds(120));
            // The event's materials: one listed, one of a kind an event does not list, one removed; and a file in no place of its own.
            s3.putObject(put -> put.bucket(uploads).key("webinars/policy-check/materials/slides.pdf"), RequestBody.fromBytes(SampleMaterials.pdf("Slides")));
            s3.putObject(put -> put.bucket(uploads).key("webinars/policy-check/materials/notes.ppt"), RequestBody.fromString("Not listed"));
            s3.putObject(put -> put.bucket(uploads).key("webinars/policy-check/materials/early.pdf"), RequestBody.fromBytes(SampleMaterials.pdf("Early")));
            s3.putObject(put -> put.bucket(uploads).key("webinars/notes.txt"), RequestBody.fromString("Misplaced"));
            stack.awaitIdle(Duration.ofSeconds(60));
            s3.deleteObject(delete -> delete.bucket(uploads).key("webinars/policy-check/materials/early.pdf"));
            stack.awaitIdle(Duration.ofSeconds(60));
        }
        // An event whose upload has gone, and one that names a version, as a versioned bucket's events do.
        stack.invoke("publish-brief", s3Event("drafts/innovation-diffusion/deleted.md", null));
        stack.invoke("register-secretariat-files", s3Event("webinars/deleted.yaml", null));
        stack.invoke("publish-brief", s3Event("drafts/innovation-diffusion/mapped.md", "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"));

        // DOIs for everything published, in runs of their size; then the pages and citations read them.
        stack.runSchedule("register-dois");
        stack.runSchedule("register-dois");
        assertThat(dataCite.registered()).containsKey("10.12345/s3cop.innovation-diffusion.bottlenecks-to-innovation-diffusion.v1");

        readEveryRoute();

        // The links and the confirmation came through the stream; the day-before and hour-before reminders; the cancellation; the webinar in the past.
        stack.runSchedule("webinar-scheduler");
        stack.invoke("webinar-scheduler", scheduled(starts.atZone(BRUSSELS).toInstant().minus(Duration.ofHours(23))));
        stack.invoke("webinar-scheduler", scheduled(starts.atZone(BRUSSELS).toInstant().minus(Duration.ofMinutes(50))));
        try (S3Client s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket(uploads).key("webinars/policy-check.yaml"), RequestBody.fromString(webinar(starts, "cancelled")));
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        stack.invoke("webinar-scheduler", scheduled(starts.atZone(BRUSSELS).toInstant().minus(Duration.ofMinutes(40))));
        stack.invoke("webinar-scheduler", scheduled(starts.atZone(BRUSSELS).toInstant().plus(Duration.ofDays(1))));
        stack.awaitIdle(Duration.ofSeconds(60));
        // Everyone still registered cancels (Jan's offer lapsed at the last run), and the secretariat's list of the webinar goes with them.
        try (var dynamoDb = stack.dynamoDbClient()) {
            for (EmailClaims.Registrant registrant : new EmailClaims(dynamoDb, stack.table("WebinarsTable")).registrants("policy-check", Instant.now())) {
                assertThat(send("DELETE", "/webinars/policy-check/registrations/" + registrant.token(), null).statusCode()).isEqualTo(204);
            }
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        needs = AwsCallRecorder.needs();
    }

    private static void readEveryRoute() throws Exception {
        for (String path : READ_ROUTES) {
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> download = send("GET", "/publications/innovation-diffusion/mapped/download", null);
        assertThat(download.statusCode()).isEqualTo(302);
        URI link = URI.create(download.headers().firstValue("Location").orElseThrow());
        assertThat(http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        // The link is signed with the function's own credentials: its role must allow the read.
        String object = link.getPath().substring(1);
        AwsCallRecorder.add(new Need("reader-api", "s3:GetObject", List.of("arn:aws:s3:::" + object), "presigned link -> 200"));
        // An event's material, signed the same way, from the uploads bucket.
        HttpResponse<String> material = send("GET", "/webinars/policy-check/materials/slides.pdf", null);
        assertThat(material.statusCode()).isEqualTo(302);
        URI materialLink = URI.create(material.headers().firstValue("Location").orElseThrow());
        assertThat(http.send(HttpRequest.newBuilder(materialLink).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        AwsCallRecorder.add(new Need("reader-api", "s3:GetObject", List.of("arn:aws:s3:::" + materialLink.getPath().substring(1)),
                "presigned link -> 200"));
        assertThat(send("GET", "/webinars/policy-check/materials/early.pdf", null).statusCode()).isEqualTo(404);

        String registration = "{\"name\": \"Eva Lindqvist\", \"email\": \"eva@example.org\"}";
        assertThat(send("POST", "/webinars/policy-check/registrations", registration).statusCode()).isEqualTo(202);
        assertThat(send("POST", "/webinars/policy-check/registrations", registration).statusCode()).isEqualTo(202);
        assertThat(send("POST", "/webinars/policy-check/registrations", "{\"name\": \"Jan Novak\", \"email\": \"jan@example.org\"}").statusCode())
                .isEqualTo(202);
        assertThat(send("POST", "/webinars/policy-check/registrations", "{\"name\": \"Ana Horvat\", \"email\": \"ana@example.org\"}").statusCode())
                .isEqualTo(202);
        stack.awaitIdle(Duration.ofSeconds(60));
        // Each registration's page, from the link in its email: Eva and Ana take the two places, Jan joins the waiting list, and
        // Ana's program cancels hers, whose place is offered to Jan.
        Map<String, String> pages = new java.util.HashMap<>();
        try (var dynamoDb = stack.dynamoDbClient()) {
            new EmailClaims(dynamoDb, stack.table("WebinarsTable")).registrants("policy-check", Instant.now())
                    .forEach(registrant -> pages.put(registrant.email(), "/webinars/policy-check/registrations/" + registrant.token()));
        }
        assertThat(send("GET", pages.get("eva@example.org"), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", pages.get("eva@example.org"), "{\"action\": \"confirm\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", pages.get("ana@example.org"), "{\"action\": \"confirm\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", pages.get("jan@example.org"), "{\"action\": \"confirm\"}").body()).contains("WAITING");
        assertThat(send("DELETE", pages.get("ana@example.org"), null).statusCode()).isEqualTo(204);
        stack.awaitIdle(Duration.ofSeconds(60));
        // The week's digest on the Monday after, then the first subscriber's one-click unsubscribe.
        stack.invoke("webinar-scheduler", scheduled(LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(7, 5)
                .toInstant(ZoneOffset.UTC)));
        String unsubscribe = URI.create(SentEmails.subscriptionPage(stack, "Confirm your subscription to S3 CoP news")).getPath();
        assertThat(send("POST", unsubscribe, "{\"action\": \"unsubscribe\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void noRouteAndNoPageShowsARegistrant() throws Exception {
        List<String> paths = new java.util.ArrayList<>(READ_ROUTES);
        paths.addAll(List.of("/", "/working-groups/innovation-diffusion.html", "/feed.xml"));
        for (String path : paths) {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContainIgnoringCase("eva@example.org").doesNotContainIgnoringCase("Lindqvist")
                    .doesNotContain("example.org/join/policy-check");
        }
    }

    @Test
    void theSecretariatsListWentWithTheLastRegistrationAndItsFiguresStayed() throws Exception {
        String uploads = stack.bucket("UploadsBucket");
        try (S3Client s3 = stack.s3Client()) {
            // Beside the materials' reports, which have a folder of their own.
            List<String> keys = s3.listObjectsV2(list -> list.bucket(uploads).prefix("reports/webinars/policy-check/").delimiter("/")).contents()
                    .stream().map(object -> object.key()).toList();
            assertThat(keys).containsExactly("reports/webinars/policy-check/figures.json");
            assertThat(JSON.std.mapFrom(s3.getObjectAsBytes(get -> get.bucket(uploads).key(keys.get(0))).asUtf8String()))
                    .containsEntry("participants", 0);
        }
    }

    @Test
    void everyCallAFunctionMakesIsAllowedByItsRole() {
        Roles roles = Roles.of(stack.template(), REGION);
        assertThat(needs).as("recorded calls").extracting(Need::function)
                .contains("publish-brief", "register-secretariat-files", "webinar-scheduler", "registration-lists", "reader-api", "register-dois");
        assertThat(roles.notAllowed(needs)).isEmpty();
    }

    @Test
    void everyPermissionARoleGrantsIsUsedByItsFunction() {
        assertThat(Roles.of(stack.template(), REGION).unused(needs)).isEmpty();
    }

    @Test
    void onlyRefreshCatalogueMayWriteTheSite() {
        Roles roles = Roles.of(stack.template(), REGION);
        String site = stack.bucket("SiteBucket");
        for (String action : List.of("s3:PutObject", "s3:DeleteObject")) {
            for (String key : List.of("index.html", "feed.xml", "working-groups/innovation-diffusion.html")) {
                assertThat(roles.allowedTo(action, "arn:aws:s3:::" + site + "/" + key)).as(action + " " + key)
                        .isSubsetOf("refresh-catalogue");
            }
        }
        assertThat(roles.allowedTo("s3:PutObject", "arn:aws:s3:::" + site + "/index.html")).containsExactly("refresh-catalogue");
    }

    @Test
    void rolesAreExplicitStatementsWithoutWildcardsAloneOrPolicyTemplates() {
        assertThat(Roles.of(stack.template(), REGION).shapeProblems()).isEmpty();
    }

    @Test
    void theCheckFindsARoleThatIsTooWideOrTooNarrow() throws Exception {
        String text = Files.readString(ProjectFiles.templateFile(), StandardCharsets.UTF_8);
        String wider = text.replace("Action: [s3:GetObject, s3:GetObjectVersion]\n              Resource: !Sub ['arn:${AWS::Partition}:s3:::${Bucket}/drafts/*'",
                "Action: [s3:GetObject, s3:GetObjectVersion, s3:DeleteObject]\n              Resource: !Sub ['arn:${AWS::Partition}:s3:::${Bucket}/drafts/*'");
        assertThat(wider).isNotEqualTo(text);
        assertThat(Roles.of(Template.parse(wider), REGION).unused(needs))
                .singleElement().asString().contains("publish-brief", "s3:DeleteObject", "drafts/*");

        String narrower = text.replace("Resource: !Sub '${PublicationsBucket.Arn}/briefs/*'", "Resource: !Sub '${PublicationsBucket.Arn}/previews/*'");
        assertThat(narrower).isNotEqualTo(text);
        assertThat(Roles.of(Template.parse(narrower), REGION).notAllowed(needs))
                .isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("reader-api", "s3:GetObject", "/briefs/"));

        // The first role that refreshes the catalogue (refresh-catalogue's) gets a policy template.
        String templated = text.replaceFirst(Pattern.quote("      Policies:\n        - Statement:\n            - Sid: RefreshCatalogue"),
                Matcher.quoteReplacement("      Policies:\n        - S3CrudPolicy: {BucketName: !Ref SiteBucket}\n        - Statement:\n            - Sid: RefreshCatalogue"));
        assertThat(templated).isNotEqualTo(text);
        assertThat(Roles.of(Template.parse(templated), REGION).shapeProblems()).singleElement().asString().contains("refresh-catalogue", "S3CrudPolicy");
    }

    @Test
    void everyFunctionPrimesForSnapStartWithoutAnyAwsCall() {
        int before = AwsCallRecorder.needs().size();
        for (FunctionRunner runner : stack.functions()) {
            assertThat(FunctionPackages.assertPrimes(stack, runner.function().name())).isNotNegative();
        }
        // Priming runs where the snapshot is taken: a connection or a credential made there would be shared by every restored container.
        assertThat(AwsCallRecorder.needs().subList(before, AwsCallRecorder.needs().size())).isEmpty();
    }

    @Test
    void everyLogLineIsJsonWithTheRequestIdAndItsSubject() throws Exception {
        List<Invocation> logged = invocations.stream().filter(invocation -> !invocation.logLines().isEmpty()).toList();
        assertThat(logged).extracting(Invocation::function).contains("publish-brief", "refresh-catalogue", "register-secretariat-files", "webinar-scheduler",
                "registration-lists");
        for (Invocation invocation : logged) {
            for (String line : invocation.logLines()) {
                Map<String, Object> fields = JSON.std.mapFrom(line);
                assertThat(fields).as(line).containsEntry("AWSRequestId", invocation.requestId())
                        .containsEntry("function", invocation.function())
                        .containsKeys("timestamp", "level", "message");
                Object subject = fields.get(switch (invocation.function()) {
                    case "webinar-scheduler" -> fields.containsKey("scheduledTime") ? "scheduledTime"
                            : fields.containsKey("publications") ? "publications" : "webinars";
                    case "registration-lists" -> "webinars";
                    case "register-dois" -> "run";
                    case "refresh-catalogue" -> fields.containsKey("scheduledTime") ? "scheduledTime" : "workingGroups";
                    default -> "key";
                });
                assertThat(subject).as(line).asString().isNotBlank();
                assertThat(line).doesNotContain("eva@example.org", "Eva Lindqvist", "jan@example.org", "Jan Novak", "news@example.org",
                        "weekly@example.org");
            }
        }
    }

    @Test
    void metricsAreEmbeddedMetricFormatDocuments() throws Exception {
        Map<String, Double> totals = new java.util.TreeMap<>();
        for (Invocation invocation : invocations) {
            for (String line : invocation.logLines()) {
                Map<String, Object> document = JSON.std.mapFrom(line);
                if (!document.containsKey("_aws")) {
                    continue;
                }
                Map<?, ?> aws = (Map<?, ?>) document.get("_aws");
                assertThat(aws.get("Timestamp")).as(line).isInstanceOf(Number.class);
                for (Object directive : (List<?>) aws.get("CloudWatchMetrics")) {
                    Map<?, ?> metrics = (Map<?, ?>) directive;
                    assertThat(metrics.get("Namespace")).as(line).isEqualTo("S3CoP/prod");
                    for (Object dimensions : (List<?>) metrics.get("Dimensions")) {
                        ((List<?>) dimensions).forEach(dimension -> assertThat(document).as(line).containsKey(String.valueOf(dimension)));
                    }
                    for (Object metric : (List<?>) metrics.get("Metrics")) {
                        String name = String.valueOf(((Map<?, ?>) metric).get("Name"));
                        assertThat(document.get(name)).as(line + ": " + name).isInstanceOf(Number.class);
                        totals.merge(document.get("function") + "/" + name, ((Number) document.get(name)).doubleValue(), Double::sum);
                    }
                }
            }
        }
        assertThat(totals).containsKeys("publish-brief/Publications", "publish-brief/Rejections", "publish-brief/Previews",
                "publish-brief/RenderTime", "register-secretariat-files/WebinarsRegistered", "register-secretariat-files/Rejections",
                "register-secretariat-files/MaterialsListed", "register-secretariat-files/MaterialsRemoved",
                "webinar-scheduler/EmailsSent", "webinar-scheduler/RemindersSent");
        assertThat(totals.get("webinar-scheduler/RemindersSent")).isEqualTo(2.0);
        assertThat(totals.get("publish-brief/RenderTime")).isPositive();
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.httpEndpoint().orElseThrow().resolve(path));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String s3Event(String key, String versionId) {
        String sample = EventFiles.json("publish-brief/draft-uploaded.json");
        String object = "\"key\": \"" + key + "\", \"size\": 10, \"eTag\": \"\"" + (versionId == null ? "" : ", \"versionId\": \"" + versionId + "\"");
        return sample.replaceFirst("\"key\": \"[^\"]+\",\\s*\"size\": \\d+,\\s*\"eTag\": \"[^\"]+\"", Matcher.quoteReplacement(object));
    }

    private static String scheduled(Instant time) {
        return EventFiles.json("webinar-scheduler/scheduled.json").replaceFirst("\"time\": \"[^\"]+\"", "\"time\": \"" + time + "\"");
    }

    private static String draft(String title, String body) {
        return "---\ntitle: " + title + "\ntype: policy-brief\nworking_group: innovation-diffusion\nauthors: [Alison Hunter]\n"
                + "date: 2024-05-23\n---\n\n# " + title + "\n\n" + body;
    }

    private static String webinar(LocalDateTime starts, String status) {
        return "title: Policy check\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                + "registration: {capacity: 2}\njoin_url: https://example.org/join/policy-check\nrecording_url: https://example.org/recording/policy-check\n"
                + "status: " + status + "\n";
    }

    private static byte[] png() throws Exception {
        return image("png");
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
