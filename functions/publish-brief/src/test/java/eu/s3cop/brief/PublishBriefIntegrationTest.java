package eu.s3cop.brief;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.BriefFiles;
import eu.s3cop.publications.ListingFilter;
import eu.s3cop.publications.Publication;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Events;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.s3.ObjectCreated;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Drafts uploaded through the S3 protocol are published, versioned and indexed as the contract says. */
@LocalAws
class PublishBriefIntegrationTest {

    private static final String UPLOADS = Briefs.UPLOADS;
    private static final String PUBLICATIONS = Briefs.PUBLICATIONS;

    private static LocalCloud stack;
    private static Briefs briefs;
    private static S3Client s3;
    private static final List<Invocation> refreshes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        stack.onInvocation(invocation -> {
            if (invocation.function().equals("refresh-catalogue")) {
                refreshes.add(invocation);
            }
        });
        briefs = new Briefs(stack);
        s3 = briefs.s3;
    }

    @Test
    void aSampleDraftIsPublishedIndexedAndReported() throws IOException {
        // The bibliography it cites from first, as a rapporteur uploads it beside the draft.
        briefs.upload("drafts/innovation-diffusion/sources.bib",
                Files.readAllBytes(ProjectFiles.root().resolve("events/drafts/innovation-diffusion/sources.bib")));
        byte[] draft = Files.readAllBytes(ProjectFiles.root().resolve("events/drafts/innovation-diffusion/bottlenecks-to-innovation-diffusion.md"));
        briefs.upload("drafts/innovation-diffusion/bottlenecks-to-innovation-diffusion.md", draft);

        Map<String, Object> report = briefs.report("drafts/innovation-diffusion/bottlenecks-to-innovation-diffusion.md");
        assertThat(report).containsEntry("status", "PUBLISHED")
                .containsEntry("publication", "innovation-diffusion/bottlenecks-to-innovation-diffusion")
                .containsEntry("version", 1)
                .containsEntry("pdf", "briefs/innovation-diffusion/bottlenecks-to-innovation-diffusion/v1.pdf");
        byte[] pdf = briefs.object(PUBLICATIONS, "briefs/innovation-diffusion/bottlenecks-to-innovation-diffusion/v1.pdf");
        assertThat(Briefs.text(pdf)).contains("Understanding the bottlenecks to innovation diffusion", "Alison Hunter, Santiago Donat",
                "Plzeň Region", "Intermediaries (clusters, digital innovation hubs) matter more than funding volume.",
                "set out to reach them (Gianelle et al., 2016).", "Gianelle et al. (2016) describe", "References",
                "https://doi.org/10.2791/53569");

        String id = "innovation-diffusion/bottlenecks-to-innovation-diffusion";
        Publication publication = briefs.publication(id);
        assertThat(publication.latestVersion()).isEqualTo(1);
        assertThat(publication.pages()).isEqualTo(report.get("pages"));
        assertThat(publication.size()).isEqualTo(pdf.length);
        assertThat(publication.pdfSha256()).isEqualTo(BriefPublisher.sha256(pdf));
        assertThat(publication.title()).isEqualTo("Understanding the bottlenecks to innovation diffusion");
        assertThat(publication.authors()).containsExactly("Alison Hunter", "Santiago Donat");
        // Its words are stored beside its PDF, for the search index.
        assertThat(new String(briefs.object(PUBLICATIONS, BriefFiles.text(id, 1)), StandardCharsets.UTF_8))
                .contains("Plzeň Region", "Intermediaries (clusters, digital innovation hubs) matter more than funding volume.").doesNotContain("**");

        assertThat(briefs.listed(ListingFilter.ofWorkingGroup("innovation-diffusion"))).contains(id);
        assertThat(briefs.listed(ListingFilter.ofType("policy-brief"))).contains(id);
        assertThat(briefs.listed(ListingFilter.all())).contains(id);
    }

    @Test
    void aCitationOfAnUnknownKeyIsRejectedAtItsLineAndACorrectedBibliographyMakesTheNextVersion() {
        String folder = "drafts/interregional-cooperation/";
        String key = folder + "cited.md";
        String text = "---\ntitle: Cited\ntype: input-note\nworking_group: interregional-cooperation\nauthors: [Alison Hunter]\n"
                + "date: 2024-05-23\nbibliography: works.bib\n---\n\nAs the handbook shows [@gianelle2016].\n\nAnd the regulation [@cpr2021].\n";
        briefs.upload(key, text.getBytes(UTF_8));
        assertThat(String.valueOf(briefs.report(key).get("problems"))).contains("field=bibliography", "line=7", "'works.bib' was not found");

        briefs.upload(folder + "works.bib", "@book{gianelle2016, title = {Implementing Smart Specialisation: A Handbook}, year = 2016}\n".getBytes(UTF_8));
        briefs.upload(key, text.getBytes(UTF_8));
        assertThat((List<Map<String, Object>>) briefs.report(key).get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem).containsEntry("line", 12);
            assertThat(String.valueOf(problem.get("message"))).contains("cites @cpr2021, which works.bib does not have");
        });

        briefs.upload(folder + "works.bib", ("@book{gianelle2016, title = {Implementing Smart Specialisation: A Handbook}, year = 2016}\n"
                + "@misc{cpr2021, title = {Regulation (EU) 2021/1060}, year = 2021}\n").getBytes(UTF_8));
        briefs.upload(key, text.getBytes(UTF_8));
        assertThat(briefs.report(key)).containsEntry("status", "PUBLISHED").containsEntry("version", 1);
        // The same draft with a corrected entry: what it prints changed, so it is the next version.
        briefs.upload(folder + "works.bib", ("@book{gianelle2016, title = {Implementing Smart Specialisation: A Handbook}, year = 2016,"
                + " doi = {10.2791/53569}}\n@misc{cpr2021, title = {Regulation (EU) 2021/1060}, year = 2021}\n").getBytes(UTF_8));
        briefs.upload(key, text.getBytes(UTF_8));
        assertThat(briefs.report(key)).containsEntry("status", "PUBLISHED").containsEntry("version", 2);
        assertThat(new String(briefs.object(PUBLICATIONS, BriefFiles.article("interregional-cooperation/cited", 2)), UTF_8))
                .contains("<a href=\"https://doi.org/10.2791/53569\">");
    }

    @Test
    void eachPublicationReachesTheHomePageItsGroupsPageAndTheFeedAndEveryGroupsPageExists() {
        byte[] firstDraft = Briefs.draft("Catalogue first brief", "In one group.");
        briefs.upload("drafts/innovation-diffusion/catalogue-first.md", firstDraft);
        briefs.upload("drafts/innovation-diffusion/catalogue-second.md", Briefs.draft("Catalogue second brief", "In the same group."));
        briefs.upload("drafts/industrial-transition/catalogue-third.md", new String(Briefs.draft("Catalogue third brief", "In another group."),
                UTF_8).replace("working_group: innovation-diffusion", "working_group: industrial-transition").getBytes(UTF_8));

        String site = stack.bucket("SiteBucket");
        String home = new String(briefs.object(site, "index.html"), UTF_8);
        String innovation = new String(briefs.object(site, "working-groups/innovation-diffusion.html"), UTF_8);
        String industrial = new String(briefs.object(site, "working-groups/industrial-transition.html"), UTF_8);
        String feed = new String(briefs.object(site, "feed.xml"), UTF_8);
        assertThat(home).contains("Catalogue first brief", "Catalogue second brief", "Catalogue third brief");
        assertThat(feed).contains("Catalogue first brief", "Catalogue second brief", "Catalogue third brief");
        assertThat(innovation).contains("Catalogue first brief", "Catalogue second brief").doesNotContain("Catalogue third brief");
        assertThat(industrial).contains("Catalogue third brief").doesNotContain("Catalogue first brief");
        assertThat(briefs.keys(site, "")).contains("working-groups/interregional-cooperation.html");
        assertThat(home).contains("<style>", "a:focus, button:focus, input:focus");
        // The site is refreshed from the table's stream, and only the listings reach it.
        assertThat(refreshes).filteredOn(refresh -> refresh.event().contains("catalogue-")).isNotEmpty()
                .allSatisfy(refresh -> assertThat(refresh.event()).contains("/catalogue-")
                        // Claimed versions and content records name the draft's key or hash, statuses its key,
                        // versions their uploader; listings none of them.
                        .doesNotContain("drafts/", BriefPublisher.sha256(firstDraft), "AWS:LOCAL"));
        assertThat(List.of(home, feed, innovation)).noneMatch(page -> page.contains("AWS:LOCAL"));
    }

    @Test
    void theVersionAndTheReportNameWhoUploadedTheDraft() {
        String key = "drafts/innovation-diffusion/who-uploaded-it.md";
        briefs.upload(key, Briefs.draft("Who uploaded it", "The text."));
        // The local stack's own events name its one principal.
        assertThat(briefs.report(key)).containsEntry("uploadedBy", "AWS:LOCAL");
        assertThat(briefs.store.uploadedBy("innovation-diffusion/who-uploaded-it", 1)).contains("AWS:LOCAL");

        // The same text uploaded again by someone else: their report names them, the version keeps its publisher.
        HeadObjectResponse head = s3.headObject(request -> request.bucket(UPLOADS).key(key));
        // As a rapporteur's role session appears in the event that AWS sends.
        String principal = "AWS:AROAEXAMPLEROLEID:rapporteur@example.eu";
        Invocation delivery = stack.invoke("publish-brief", Events.s3(new ObjectCreated(UPLOADS, key, head.contentLength(),
                head.eTag().replace("\"", ""), "ObjectCreated:Put", Instant.now()), "eu-west-1", principal));

        assertThat(delivery.succeeded()).as(String.valueOf(delivery.error())).isTrue();
        assertThat(briefs.report(key)).containsEntry("version", 1).containsEntry("uploadedBy", principal);
        assertThat(briefs.store.uploadedBy("innovation-diffusion/who-uploaded-it", 1)).contains("AWS:LOCAL");
    }

    @Test
    void theSameUploadDeliveredTwiceYieldsOneVersion() {
        String key = "drafts/innovation-diffusion/twice-delivered.md";
        briefs.upload(key, Briefs.draft("Twice delivered", "The same event arrives twice."));
        HeadObjectResponse head = s3.headObject(request -> request.bucket(UPLOADS).key(key));
        String event = Events.s3(new ObjectCreated(UPLOADS, key, head.contentLength(), head.eTag().replace("\"", ""),
                "ObjectCreated:Put", Instant.now()), "eu-west-1");

        Invocation again = stack.invoke("publish-brief", event);

        assertThat(again.succeeded()).as(String.valueOf(again.error())).isTrue();
        assertThat(briefs.versions("innovation-diffusion/twice-delivered")).containsExactly(1);
        assertThat(briefs.report(key)).containsEntry("status", "PUBLISHED").containsEntry("version", 1);
    }

    @Test
    void reuploadingIdenticalContentYieldsNoNewVersionAndChangedContentYieldsTheNext() {
        String key = "drafts/innovation-diffusion/revised-brief.md";
        briefs.upload(key, Briefs.draft("Revised brief", "First text."));
        briefs.upload(key, Briefs.draft("Revised brief", "First text."));
        assertThat(briefs.versions("innovation-diffusion/revised-brief")).containsExactly(1);

        briefs.upload(key, Briefs.draft("Revised brief", "Second text, with a correction."));

        assertThat(briefs.versions("innovation-diffusion/revised-brief")).containsExactly(1, 2);
        assertThat(briefs.report(key)).containsEntry("version", 2);
        assertThat(briefs.publication("innovation-diffusion/revised-brief").latestVersion()).isEqualTo(2);
        assertThat(Briefs.text(briefs.object(PUBLICATIONS, "briefs/innovation-diffusion/revised-brief/v1.pdf"))).contains("First text.");
        assertThat(Briefs.text(briefs.object(PUBLICATIONS, "briefs/innovation-diffusion/revised-brief/v2.pdf"))).contains("Second text, with a correction.");
    }

    @Test
    void uploadsOfOneDraftInQuickSuccessionAreNumberedWithoutAGapAndTheLastIsPublished() throws Exception {
        // A publication has one key, drafts/<group>/<slug>.md: uploads of it in quick succession replace
        // one another, and each event names the content it was sent for by its entity tag.
        int uploads = 6;
        String key = "drafts/innovation-diffusion/racing-brief.md";
        List<String> events = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            // Delivered by the stack as each is written, and once more below by hand, all at once.
            int n = i;
            s3.putObject(put -> put.bucket(UPLOADS).key(key), RequestBody.fromBytes(Briefs.draft("Racing brief", "Text number " + n + ".")));
            HeadObjectResponse head = s3.headObject(request -> request.bucket(UPLOADS).key(key));
            events.add(Events.s3(new ObjectCreated(UPLOADS, key, head.contentLength(), head.eTag().replace("\"", ""),
                    "ObjectCreated:Put", Instant.now()), "eu-west-1"));
        }
        stack.awaitIdle(Briefs.SETTLE);
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Invocation>> runs = new ArrayList<>();
        for (String event : events) {
            runs.add(pool.submit(() -> {
                start.await();
                return stack.invoke("publish-brief", event);
            }));
        }
        start.countDown();
        for (Future<Invocation> run : runs) {
            assertThat(run.get().succeeded()).as(String.valueOf(run.get().error())).isTrue();
        }
        pool.shutdown();

        stack.awaitIdle(Briefs.SETTLE);

        // The stack delivered each upload's own event as it came, so some were published before the
        // next replaced them: whatever was published is numbered without a gap, once each, nothing
        // is claimed and left, and the last upload is among them.
        List<Integer> versions = briefs.versions("innovation-diffusion/racing-brief");
        assertThat(versions).isNotEmpty().isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
        assertThat(briefs.store.latestClaimed("innovation-diffusion/racing-brief")).as("no claim left behind").isEqualTo(versions.size());
        assertThat(briefs.publication("innovation-diffusion/racing-brief").latestVersion()).isEqualTo(versions.size());
        List<String> texts = new ArrayList<>();
        for (int version : versions) {
            texts.add(Briefs.text(briefs.object(PUBLICATIONS, "briefs/innovation-diffusion/racing-brief/v" + version + ".pdf"))
                    .replaceAll("(?s).*(Text number \\d\\.).*", "$1"));
        }
        assertThat(texts).doesNotHaveDuplicates().contains("Text number 5.");
    }

    @Test
    void aDraftWithStatusDraftGivesAWatermarkedPreviewThatIsNeverListed() throws IOException {
        String key = "drafts/industrial-transition/green-steel-preview.md";
        briefs.upload(key, Files.readAllBytes(ProjectFiles.root().resolve("events/drafts/industrial-transition/green-steel-preview.md")));

        Map<String, Object> report = briefs.report(key);
        assertThat(report).containsEntry("status", "PREVIEW");
        String pdfKey = (String) report.get("pdf");
        assertThat(pdfKey).startsWith("previews/industrial-transition/green-steel-preview/");
        assertThat(Briefs.text(briefs.object(PUBLICATIONS, pdfKey))).contains("DRAFT", "Πράσινος χάλυβας");
        assertThat(briefs.listed(ListingFilter.ofWorkingGroup("industrial-transition"))).doesNotContain("industrial-transition/green-steel-preview");
        assertThat(briefs.listed(ListingFilter.all())).doesNotContain("industrial-transition/green-steel-preview");
        assertThat(briefs.store.publication("industrial-transition/green-steel-preview")).isEmpty();
        assertThat(briefs.keys(PUBLICATIONS, "briefs/industrial-transition/green-steel-preview/")).isEmpty();
    }

    @Test
    void anImageNextToTheDraftIsEmbedded() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(60, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        s3.putObject(put -> put.bucket(UPLOADS).key("drafts/innovation-diffusion/figures/chart.png"), RequestBody.fromBytes(png.toByteArray()));
        String key = "drafts/innovation-diffusion/with-chart.md";
        briefs.upload(key, Briefs.draft("With a chart", "![Adoption by region](figures/chart.png)\n\nThe chart shows adoption."));

        assertThat(briefs.report(key)).containsEntry("status", "PUBLISHED");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                briefs.object(PUBLICATIONS, "briefs/innovation-diffusion/with-chart/v1.pdf"))) {
            long images = 0;
            for (org.apache.pdfbox.pdmodel.PDPage page : pdf.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(1);
        }
    }

    @Test
    void aDraftWithFiguresAndTablesIsPublishedNumberedWithItsWarningsInTheReport() throws IOException {
        Path samples = ProjectFiles.root().resolve("events/drafts/innovation-diffusion");
        s3.putObject(put -> put.bucket(UPLOADS).key("drafts/innovation-diffusion/adoption-chart.png"),
                RequestBody.fromFile(samples.resolve("adoption-chart.png")));
        String key = "drafts/innovation-diffusion/cloud-adoption-in-regions.md";
        briefs.upload(key, Files.readAllBytes(samples.resolve("cloud-adoption-in-regions.md")));
        Map<String, Object> report = briefs.report(key);
        assertThat(report).containsEntry("status", "PUBLISHED").doesNotContainKey("warnings");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                briefs.object(PUBLICATIONS, "briefs/innovation-diffusion/cloud-adoption-in-regions/v1.pdf"))) {
            org.apache.pdfbox.text.PDFTextStripper text = new org.apache.pdfbox.text.PDFTextStripper();
            // In reading order, as pdftotext reads it: links are drawn after the line they sit in.
            text.setSortByPosition(true);
            assertThat(text.getText(pdf))
                    .contains("Figure 1 shows", "Figure 1: SMEs adopting cloud services, 2023", "Table 1: Adoption of cloud services");
        }
        // The version's article for its web page, with its figure beside it, as the site copies them.
        String article = new String(briefs.object(PUBLICATIONS, BriefFiles.article("innovation-diffusion/cloud-adoption-in-regions", 1)),
                UTF_8);
        assertThat(article).contains("<img src=\"v1/1.png\"", "Figure 1: SMEs adopting cloud services, 2023", "Each region reports its S3 indicators");
        assertThat(briefs.object(PUBLICATIONS, BriefFiles.figure("innovation-diffusion/cloud-adoption-in-regions", 1, "1.png")))
                .isEqualTo(Files.readAllBytes(samples.resolve("adoption-chart.png")));

        String vague = "drafts/innovation-diffusion/with-warnings.md";
        briefs.upload(vague, Briefs.draft("With warnings", "# Findings\n\n### Too deep\n\nRead it [here](https://example.org/)."));
        Map<String, Object> warned = briefs.report(vague);
        assertThat(warned).containsEntry("status", "PUBLISHED");
        List<Object> lines = ((List<?>) warned.get("warnings")).stream().map(warning -> ((Map<?, ?>) warning).get("line")).map(Object.class::cast).toList();
        assertThat(lines).containsExactly(11, 13);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTranslationIsPublishedOnlyOfAPublishedOriginalInAnotherLanguageAndTheOriginalNamesIt() {
        String frontMatter = "---\ntitle: %s\ntype: policy-brief\nworking_group: innovation-diffusion\nauthors: [Alison Hunter]\n"
                + "date: 2024-05-23\nlanguage: %s\n%s---\n\nText.\n";
        String early = "drafts/innovation-diffusion/diffusion-fr.md";
        briefs.upload(early, String.format(frontMatter, "La diffusion", "fr", "translation_of: diffusion-original\n").getBytes(UTF_8));
        assertThat(briefs.report(early)).containsEntry("status", "REJECTED");
        assertThat((List<Map<String, Object>>) briefs.report(early).get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem).containsEntry("field", "translation_of").containsEntry("line", 8);
            assertThat(String.valueOf(problem.get("message"))).contains("not a published publication", "publish the original first");
        });

        briefs.upload("drafts/innovation-diffusion/diffusion-original.md", String.format(frontMatter, "Diffusion", "en", "").getBytes(UTF_8));
        String sameLanguage = "drafts/innovation-diffusion/diffusion-en.md";
        briefs.upload(sameLanguage, String.format(frontMatter, "Diffusion again", "en", "translation_of: diffusion-original\n").getBytes(UTF_8));
        assertThat(String.valueOf(briefs.report(sameLanguage).get("problems"))).contains("is in English too");

        // The same upload again, now that its original is published: the rapporteur only uploads it once more.
        briefs.upload(early, String.format(frontMatter, "La diffusion", "fr", "translation_of: diffusion-original\n").getBytes(UTF_8));
        assertThat(briefs.report(early)).containsEntry("status", "PUBLISHED");
        assertThat(briefs.publication("innovation-diffusion/diffusion-original").translations())
                .containsExactly(Map.entry("fr", "innovation-diffusion/diffusion-fr"));
        assertThat(briefs.publication("innovation-diffusion/diffusion-fr").translationOf()).isEqualTo("innovation-diffusion/diffusion-original");
        String second = "drafts/innovation-diffusion/diffusion-fr-bis.md";
        briefs.upload(second, String.format(frontMatter, "Une autre", "fr", "translation_of: diffusion-original\n").getBytes(UTF_8));
        assertThat(String.valueOf(briefs.report(second).get("problems"))).contains("already has a translation into Français", "diffusion-fr");
        String ofATranslation = "drafts/innovation-diffusion/diffusion-de.md";
        briefs.upload(ofATranslation, String.format(frontMatter, "Diffusion", "de", "translation_of: diffusion-fr\n").getBytes(UTF_8));
        assertThat(String.valueOf(briefs.report(ofATranslation).get("problems"))).contains("is itself a translation", "translation_of: diffusion-original");

        // Listings show the work once, by its original.
        assertThat(new eu.s3cop.publications.PublicationListings(stack.dynamoDbClient(), stack.table("PublicationsTable"))
                .list(new ListingFilter("innovation-diffusion", null, null), 100, null).items())
                .extracting(Publication::id).contains("innovation-diffusion/diffusion-original").doesNotContain("innovation-diffusion/diffusion-fr");
    }

    @Test
    void keysOutsideDraftsOrNotEndingInMdAreIgnoredWithoutAReport() {
        for (String key : List.of("notes/elsewhere.md", "drafts/innovation-diffusion/notes.txt")) {
            s3.putObject(put -> put.bucket(UPLOADS).key(key), RequestBody.fromBytes(Briefs.draft("Ignored", "Ignored.")));
            HeadObjectResponse head = s3.headObject(request -> request.bucket(UPLOADS).key(key));
            Invocation invocation = stack.invoke("publish-brief", Events.s3(new ObjectCreated(UPLOADS, key, head.contentLength(),
                    head.eTag().replace("\"", ""), "ObjectCreated:Put", Instant.now()), "eu-west-1"));
            assertThat(invocation.succeeded()).isTrue();
            assertThat(briefs.keys(UPLOADS, "reports/" + key)).isEmpty();
        }
    }
}
