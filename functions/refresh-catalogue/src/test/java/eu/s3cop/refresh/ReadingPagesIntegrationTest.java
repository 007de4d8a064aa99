package eu.s3cop.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.publications.BriefFiles;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Metadata;
import eu.s3cop.publications.PublishedVersion;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Each listed version's "Read online" page, as refresh-catalogue writes it from the article publishing stored, on a stack of its own. */
@LocalAws
class ReadingPagesIntegrationTest {

    private static final String GROUP = "industrial-transition";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    @Test
    void aListedVersionGetsItsPageWithItsFiguresAndAnOlderVersionKeepsItsOwn(LocalCloud stack) {
        DynamoDbPublicationStore store = new DynamoDbPublicationStore(stack.dynamoDbClient(), stack.table("PublicationsTable"));
        String id = GROUP + "/skills";
        publish(stack, store, id, 1, "de", Optional.of("""
                <article class="brief" lang="de"><div class="content"><h2 id="section-1">Kompetenzen</h2>
                <figure class="figure" id="fig-skills"><img src="v1/1.png" alt="Ein Diagramm"><figcaption>Abbildung 1</figcaption></figure>
                <p><img src="../../../index.html" alt="elsewhere"><img src="v1/../1.png" alt="around"></p>
                <p>Text<sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a></sup></p>
                <div class="footnotes"><ol><li id="fn-1"><p>Eine Fußnote.</p></li></ol></div></div></article>"""));
        stack.awaitIdle(Duration.ofSeconds(30));

        Document page = Jsoup.parse(site(stack, SiteAddresses.reading(id, 1)).orElseThrow().asUtf8String());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("main h1").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst("main h1").text()).isEqualTo("Version 1 of skills");
        assertThat(page.selectFirst("main article.brief").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst("main .meta").text()).contains("Industrial Transition working group", "version 1", "Deutsch");
        assertThat(page.select("main a[href]")).extracting(link -> link.attr("href"))
                .contains(SiteAddresses.download(id, 1), SiteAddresses.publication(id), "#fn-1");
        assertThat(page.getElementById("fn-1").text()).isEqualTo("Eine Fußnote.");
        assertThat(page.select("script")).isEmpty();

        ResponseBytes<GetObjectResponse> figure = site(stack, SiteAddresses.readingFigure(id, 1, "1.png")).orElseThrow();
        assertThat(figure.asByteArray()).isEqualTo(PNG);
        assertThat(figure.response().contentType()).isEqualTo("image/png");
        assertThat(stack.s3Client().listObjectsV2(list -> list.bucket(stack.bucket("SiteBucket")).prefix(SiteAddresses.key(SiteAddresses.reading(id, 1)).replace(".html", ""))).contents())
                .as("only the figure the article names in its own folder is copied")
                .extracting(object -> object.key()).containsExactlyInAnyOrder(SiteAddresses.key(SiteAddresses.reading(id, 1)),
                        SiteAddresses.key(SiteAddresses.readingFigure(id, 1, "1.png")));

        publish(stack, store, id, 2, "de", Optional.of("<article class=\"brief\" lang=\"de\"><div class=\"content\"><p>Neu.</p></div></article>"));
        stack.awaitIdle(Duration.ofSeconds(30));
        assertThat(site(stack, SiteAddresses.reading(id, 2)).orElseThrow().asUtf8String()).contains("Neu.");
        assertThat(site(stack, SiteAddresses.reading(id, 1)).orElseThrow().asUtf8String()).as("the older version keeps its page")
                .contains("Eine Fußnote.");
    }

    @Test
    void aVersionWithoutAnArticleHasNoPageAndOneWhoseArticleIsMissingStopsNothingElse(LocalCloud stack) {
        DynamoDbPublicationStore store = new DynamoDbPublicationStore(stack.dynamoDbClient(), stack.table("PublicationsTable"));
        publish(stack, store, GROUP + "/from-before", 1, "en", Optional.empty());
        String missing = GROUP + "/article-lost";
        publish(stack, store, missing, 1, "en", Optional.of(""));
        stack.s3Client().deleteObject(delete -> delete.bucket(stack.bucket("PublicationsBucket")).key(BriefFiles.article(missing, 1)));
        publish(stack, store, GROUP + "/after-it", 1, "en", Optional.of("<article class=\"brief\" lang=\"en\"><p>Here.</p></article>"));
        stack.awaitIdle(Duration.ofSeconds(30));

        assertThat(site(stack, SiteAddresses.reading(GROUP + "/from-before", 1))).isEmpty();
        assertThat(site(stack, SiteAddresses.reading(missing, 1))).isEmpty();
        assertThat(site(stack, SiteAddresses.reading(GROUP + "/after-it", 1))).isPresent();
        Document groupPage = Jsoup.parse(site(stack, SiteAddresses.workingGroup(GROUP)).orElseThrow().asUtf8String());
        assertThat(groupPage.select("a.read")).extracting(link -> link.attr("href"))
                .contains(SiteAddresses.reading(GROUP + "/after-it", 1))
                .doesNotContain(SiteAddresses.reading(GROUP + "/from-before", 1));
        assertThat(groupPage.text()).contains("Version 1 of from-before", "Version 1 of article-lost");
    }

    private static Optional<ResponseBytes<GetObjectResponse>> site(LocalCloud stack, String address) {
        try {
            return Optional.of(stack.s3Client().getObjectAsBytes(get -> get.bucket(stack.bucket("SiteBucket")).key(SiteAddresses.key(address))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Lists a version as publishing does: its article and figure stored first (none for a version
     * published before articles were), its version claimed, then completed.
     */
    private static void publish(LocalCloud stack, DynamoDbPublicationStore store, String id, int version, String language, Optional<String> article) {
        String bucket = stack.bucket("PublicationsBucket");
        article.ifPresent(html -> {
            stack.s3Client().putObject(put -> put.bucket(bucket).key(BriefFiles.figure(id, version, "1.png")).contentType("image/png"),
                    RequestBody.fromBytes(PNG));
            stack.s3Client().putObject(put -> put.bucket(bucket).key(BriefFiles.article(id, version)).contentType("text/html; charset=utf-8"),
                    RequestBody.fromString(html, StandardCharsets.UTF_8));
        });
        String draftKey = "drafts/" + id + ".md";
        Instant at = LocalDate.parse("2024-05-23").atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(version);
        Metadata meta = new Metadata("Version " + version + " of " + id.substring(id.indexOf('/') + 1), "policy-brief", GROUP,
                List.of("Alison Hunter"), LocalDate.parse("2024-05-23"), language, "", List.of());
        String draftSha256 = "draft-" + version + "-of-" + id;
        store.claim(id, version, draftSha256, draftKey, at);
        store.complete(new PublishedVersion(id, version, meta, BriefFiles.pdf(id, version), 2, 1024, "pdf-of-" + id, draftSha256, draftKey,
                "AWS:LOCAL", at, article.isPresent() ? BriefFiles.article(id, version) : ""));
    }
}
