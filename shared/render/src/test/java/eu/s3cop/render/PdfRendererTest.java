package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import eu.s3cop.draft.CrossReferences;
import eu.s3cop.draft.Draft;
import eu.s3cop.draft.Licence;
import eu.s3cop.testing.HostilePngs;
import eu.s3cop.draft.Markdown;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PdfRendererTest {

    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final RenderSettings SETTINGS = new RenderSettings(3, Instant.parse("2024-05-20T09:15:02Z"));

    @ParameterizedTest
    @MethodSource("eu.s3cop.render.Samples#all")
    void everySentenceOfEverySampleSurvivesIntoTheText(String sample) throws IOException {
        Draft draft = Samples.draft(sample);
        RenderedPdf pdf = RENDERER.render(draft, SETTINGS, Map.of(), Samples.references(sample));
        String text = normalise(text(pdf.bytes()));

        assertThat(pdf.pages()).isGreaterThanOrEqualTo(2);
        assertThat(text).contains(normalise(draft.meta().title())).contains(normalise(String.join(", ", draft.meta().authors())));
        for (String sentence : sentences(draft)) {
            assertThat(text).as("in " + sample).contains(sentence);
        }
        assertThat(text.codePoints().filter(c -> c >= 0xFB00 && c <= 0xFB06)).as("ligature characters").isEmpty();
    }

    /**
     * A heading, a short table and a quote with its attribution: as the text before them grows
     * line by line, each lands near a page's foot in one case or another, and none is ever left
     * there without what follows it.
     */
    @Test
    void headingsShortTablesAndQuoteAttributionsStayWithWhatFollowsThem() throws IOException {
        int pushed = 0;
        for (int lines = 30; lines < 60; lines++) {
            StringBuilder body = opening(lines);
            body.append("## Kept heading\n\nThe paragraph after the heading.\n\n")
                    .append("| Region | Share |\n|---|---:|\n| Kept row one | 1 |\n| Row two | 2 |\n| Row three | 3 |\n\n")
                    .append("> The quote's only line.\n>\n> — Kept attribution\n");
            List<List<String>> pages = pageLines(RENDERER.render(draft(body.toString()), SETTINGS, Map.of()).bytes());
            for (int page = 0; page < pages.size() - 1; page++) {
                List<String> text = pages.get(page);
                String last = text.get(text.size() - 1);
                assertThat(last).as("the last line of page %d with %d lines before", page + 1, lines)
                        .isNotEqualTo("Kept heading").isNotEqualTo("The quote’s only line.").doesNotContain("Kept row one")
                        .doesNotStartWith("Region");
                if (text.stream().anyMatch(line -> line.startsWith("Kept row one"))) {
                    assertThat(text).as("the short table whole, %d lines before", lines).anyMatch(line -> line.startsWith("Row three"));
                }
            }
            for (List<String> text : pages) {
                if (!text.isEmpty() && text.get(0).equals("Kept heading")) {
                    pushed++;
                }
                if (text.contains("— Kept attribution")) {
                    assertThat(text).as("the quote beside its attribution, %d lines before", lines).contains("The quote’s only line.");
                }
            }
        }
        // The check is only worth something if some heading did fall at a page's foot and moved on.
        assertThat(pushed).as("cases where the heading opened a page").isPositive();
    }

    /**
     * A long table, with a caption or without, its first rows short or three lines tall, starting
     * a line further down each time and ending on a page further on: each page that holds its
     * rows holds at least two of them under the header, so no page's foot keeps a caption or a
     * header with one row, and no page opens with the header over the table's last row alone;
     * and the paragraph after it, however near the page's foot, is followed by no empty page.
     */
    @ParameterizedTest
    @CsvSource({"true, false", "false, false", "true, true", "false, true"})
    void aLongTableLeavesNoPageWithItsHeaderAndOneRow(boolean captioned, boolean tallStart) throws IOException {
        int startsMoved = 0;
        for (int lines = 30; lines < 62; lines++) {
            StringBuilder body = opening(lines);
            body.append("| Region | Share |\n|---|---:|\n");
            for (int row = 1; row <= 40 + lines % 5; row++) {
                String name = tallStart && row <= 3 ? " of a region whose name is long enough to take three lines in its narrow cell of the table, as a few do"
                        : row % 7 == 0 ? " of a region whose name takes a second line in its narrow cell, as some do" : "";
                body.append("| Row ").append(row).append(name).append(" | ").append(row).append(" |\n");
            }
            body.append(captioned ? "\nTable: A long table.\n\n" : "\n").append("The paragraph after the table.\n");
            List<List<String>> pages = pageLines(RENDERER.render(draft(body.toString()), SETTINGS, Map.of()).bytes());
            for (int page = 0; page < pages.size(); page++) {
                List<String> text = pages.get(page);
                assertThat(text).as("page %d of %d with %d lines before", page + 1, pages.size(), lines).isNotEmpty();
                long rows = text.stream().filter(line -> line.startsWith("Row ")).count();
                if (rows > 0) {
                    assertThat(rows).as("rows on page %d with %d lines before", page + 1, lines).isGreaterThanOrEqualTo(2);
                }
                String last = text.get(text.size() - 1);
                assertThat(last).as("the last line of page %d with %d lines before", page + 1, lines)
                        .doesNotStartWith("Region").doesNotStartWith("Table 1");
                if (page > 0 && text.get(0).startsWith("Table 1")) {
                    startsMoved++;
                }
            }
        }
        if (captioned) {
            // Worth something only if the table did come near a page's foot and moved on whole.
            assertThat(startsMoved).as("cases where the caption opened a page").isPositive();
        }
    }

    /** However near a page's foot the text ends, in a paragraph, a list or the footnotes, no empty page follows it. */
    @ParameterizedTest
    @ValueSource(strings = {"The last paragraph.\n", "- A list's first item.\n- Its last item.\n", "The last paragraph.[^1]\n\n[^1]: The only footnote.\n"})
    void noBriefEndsWithAnEmptyPage(String ending) throws IOException {
        for (int lines = 40; lines < 72; lines++) {
            StringBuilder body = opening(lines);
            List<List<String>> pages = pageLines(RENDERER.render(draft(body.append(ending).toString()), SETTINGS, Map.of()).bytes());
            for (int page = 0; page < pages.size(); page++) {
                assertThat(pages.get(page)).as("page %d of %d with %d lines before", page + 1, pages.size(), lines).isNotEmpty();
            }
        }
    }

    /** A heading and as many one-line paragraphs: what moves the part under test down the page line by line. */
    private static StringBuilder opening(int lines) {
        StringBuilder body = new StringBuilder("# Opening\n\n");
        for (int i = 0; i < lines; i++) {
            body.append("Line ").append(i).append(" of the text before.\n\n");
        }
        return body;
    }

    /** Each page's text lines, in reading order, without the running header and the page number. */
    private static List<List<String>> pageLines(byte[] pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = new ArrayList<>(stripper.getText(document).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("Page ") && !line.contains(" · ")).toList());
                pages.add(lines);
            }
        }
        return pages;
    }

    @Test
    void wordsWithFfAndFiComeBackAsTheyWereWritten() throws IOException {
        String text = text(RENDERER.render(draft("Diffusion, efficient offices, affluent firms, fjords and waffles."), SETTINGS, Map.of()).bytes());
        assertThat(text).contains("Diffusion, efficient offices, affluent firms, fjords and waffles.");
    }

    @Test
    void symbolsOutsideTheTextFontComeFromTheSymbolFonts() throws IOException {
        String text = text(RENDERER.render(draft("Steps → results ↩ done ✓ open ☐ star ★ sum ∑ ≤ ≠ €."), SETTINGS, Map.of()).bytes());
        assertThat(text).contains("Steps → results ↩ done ✓ open ☐ star ★ sum ∑ ≤ ≠ €.");
    }

    @Test
    void bookmarksMirrorTheTableOfContents() throws IOException {
        Draft draft = Samples.draft("innovation-diffusion/bottlenecks-to-innovation-diffusion.md");
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(draft, SETTINGS, Map.of()).bytes())) {
            var outline = pdf.getDocumentCatalog().getDocumentOutline();
            assertThat(outline).isNotNull();
            List<String> titles = new ArrayList<>();
            outline.children().forEach(top -> {
                titles.add(top.getTitle());
                top.children().forEach(child -> titles.add("  " + child.getTitle()));
            });
            assertThat(titles).containsExactly("Understanding the bottlenecks to innovation diffusion", "  Key findings", "  Recommendations");
            assertThat(text(RENDERER.render(draft, SETTINGS, Map.of()).bytes())).contains("Contents", "Key findings", "Recommendations");
        }
    }

    @Test
    void aTableAcrossPagesRepeatsItsHeaderRowAndNeverSplitsARow() throws IOException {
        StringBuilder table = new StringBuilder("| Region name | Adoption share |\n|---|---|\n");
        for (int row = 1; row <= 120; row++) {
            table.append("| Region ").append(row).append(" with a long name that wraps onto a second line of its cell | ")
                    .append(row).append("% |\n");
        }
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(draft(table.toString()), SETTINGS, Map.of()).bytes())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(4);
            for (int page = 3; page <= pdf.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).as("page " + page).contains("Region name Adoption share");
                // Each row's two lines stay together: a page never ends on the first line of a row.
                String[] lines = text.strip().split("\\R");
                String lastBeforeFooter = lines[lines.length - 2];
                assertThat(lastBeforeFooter).as("page " + page).doesNotEndWith("with a long name that wraps onto a");
            }
        }
    }

    @Test
    void bordersAreLayoutArtifactsThatShareOneInlinePropertyListAPage() throws IOException {
        StringBuilder table = new StringBuilder("| Region | Share |\n|---|---|\n");
        for (int row = 1; row <= 40; row++) {
            table.append("| Region ").append(row).append(" | ").append(row).append("% |\n");
        }
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(draft(table.toString()), SETTINGS, Map.of()).bytes())) {
            int marked = 0;
            for (PDPage page : pdf.getPages()) {
                COSDictionary properties = page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
                List<COSName> layoutLists = new ArrayList<>();
                for (COSName name : properties.keySet()) {
                    // Direct, not a reference: a list costs the file no object of its own.
                    assertThat(properties.getItem(name)).as(name.getName()).isInstanceOf(COSDictionary.class);
                    COSDictionary list = (COSDictionary) properties.getItem(name);
                    assertThat(list.getCOSName(COSName.TYPE)).as(name.getName()).isNotEqualTo(COSName.BACKGROUND);
                    if (COSName.getPDFName("Layout").equals(list.getCOSName(COSName.TYPE))) {
                        layoutLists.add(name);
                    }
                }
                assertThat(layoutLists).as("layout artifact lists on a page").hasSizeLessThanOrEqualTo(1);
                // Every cell's border is still marked as an artifact, through the page's one list.
                if (!layoutLists.isEmpty()) {
                    String content = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
                    marked += content.split("/Artifact /" + layoutLists.get(0).getName() + " BDC", -1).length - 1;
                }
            }
            // Every cell of the 41 rows has its own border.
            assertThat(marked).isGreaterThanOrEqualTo(82);
        }
    }

    @Test
    void pageContentIsCompressedAndHoldsNoArtifactAroundNothing() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(Samples.draft("innovation-diffusion/bottlenecks-to-innovation-diffusion.md"),
                SETTINGS, Map.of()).bytes())) {
            int artifacts = 0;
            for (PDPage page : pdf.getPages()) {
                COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
                assertThat(contents).isInstanceOf(org.apache.pdfbox.cos.COSStream.class);
                assertThat(((org.apache.pdfbox.cos.COSStream) contents).getFilters()).isEqualTo(COSName.FLATE_DECODE);
                String content = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(content).doesNotContainPattern("/Artifact[^\n]* BDC\nEMC\n");
                artifacts += content.split("/Artifact ", -1).length - 1;
            }
            // The running header, page numbers and table rules are still artifacts.
            assertThat(artifacts).isGreaterThan(pdf.getNumberOfPages());
        }
    }

    @Test
    void referencesAttributesAndLinkActionsStayInsideTheObjectsThatUseThem() throws IOException {
        String body = """
                # Results

                See [the S3 platform](https://s3platform.jrc.ec.europa.eu/) and the notes.[^1]

                1. First step
                2. Second step

                | Region | Share |
                |---|---|
                | Norte | 45% |

                [^1]: A footnote.
                """;
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(draft(body), SETTINGS, Map.of()).bytes())) {
            int annotations = 0;
            for (PDPage page : pdf.getPages()) {
                COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
                for (int i = 0; annots != null && i < annots.size(); i++) {
                    COSDictionary annotation = (COSDictionary) annots.getObject(i);
                    assertThat(annotation.getItem(COSName.A)).as("a link's action").isInstanceOf(COSDictionary.class);
                    assertThat(annotation.getItem(COSName.BS)).as("a link's border style").isInstanceOf(COSDictionary.class);
                    annotations++;
                }
            }
            assertThat(annotations).as("links").isGreaterThanOrEqualTo(2);
            List<String> inline = new ArrayList<>();
            Deque<COSDictionary> elements = new ArrayDeque<>();
            elements.push(pdf.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT));
            while (!elements.isEmpty()) {
                COSDictionary element = elements.pop();
                COSBase attributes = element.getItem(COSName.A);
                if (attributes != null) {
                    assertThat(attributes).as("attributes of " + element.getNameAsString(COSName.S)).isNotInstanceOf(COSObject.class);
                    inline.add("attributes");
                }
                COSBase kids = element.getItem(COSName.K);
                List<COSBase> list = new ArrayList<>();
                if (kids instanceof COSArray array) {
                    array.forEach(list::add);
                } else if (kids != null) {
                    list.add(kids);
                }
                for (COSBase kid : list) {
                    COSDictionary dictionary = kid instanceof COSObject object ? (COSDictionary) object.getObject()
                            : kid instanceof COSDictionary direct ? direct : null;
                    if (dictionary == null) {
                        continue;
                    }
                    String type = dictionary.getNameAsString(COSName.TYPE);
                    if ("MCR".equals(type) || "OBJR".equals(type)) {
                        assertThat(kid).as(type + " in " + element.getNameAsString(COSName.S)).isNotInstanceOf(COSObject.class);
                        inline.add(type);
                    } else {
                        // Structure elements stay objects of their own: their kids point back at them.
                        assertThat(kid).as("a structure element").isInstanceOf(COSObject.class);
                        elements.push(dictionary);
                    }
                }
            }
            assertThat(inline).contains("attributes", "OBJR");
        }
    }

    @Test
    void embedsEveryFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(Samples.draft("innovation-diffusion/voices-from-the-regions.md"), SETTINGS, Map.of()).bytes())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
        }
    }

    @Test
    void setsTitleAuthorsSubjectKeywordsAndLanguage() throws IOException {
        Draft draft = Samples.draft("industrial-transition/skills-for-industrial-transition.md");
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(draft, SETTINGS, Map.of()).bytes())) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(draft.meta().title());
            assertThat(info.getAuthor()).isEqualTo("Jürgen Weiß, Małgorzata Wąsowska, Jiří Dvořák");
            assertThat(info.getSubject()).startsWith("Wie Regionen im Strukturwandel");
            assertThat(info.getKeywords()).isEqualTo("Strukturwandel, Weiterbildung, Fachkräfte, Dekarbonisierung");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("de");
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(info.getCreationDate().toInstant()).isEqualTo(SETTINGS.created());
        }
    }

    @Test
    void theXmpMetadataCarriesTheUploadTimeAsCreatedAndModified() throws Exception {
        Draft draft = Samples.draft("industrial-transition/skills-for-industrial-transition.md");
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(draft, SETTINGS, Map.of()).bytes())) {
            XMPMetadata xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().toByteArray());
            XMPBasicSchema basic = xmp.getXMPBasicSchema();
            assertThat(basic.getCreateDate().toInstant()).isEqualTo(SETTINGS.created());
            assertThat(basic.getModifyDate().toInstant()).isEqualTo(SETTINGS.created());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(draft.meta().title());
            assertThat(pdf.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(SETTINGS.created());
            // Its licence, the default: where archives and readers' tools look for rights.
            assertThat(xmp.getXMPRightsManagementSchema().getMarked()).isTrue();
            assertThat(xmp.getXMPRightsManagementSchema().getWebStatement()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
            assertThat(xmp.getXMPRightsManagementSchema().getUsageTerms()).isEqualTo("Licensed under CC BY 4.0 (Creative Commons"
                    + " Attribution 4.0 International), https://creativecommons.org/licenses/by/4.0/");
            assertThat(xmp.getDublinCoreSchema().getRights()).isEqualTo(xmp.getXMPRightsManagementSchema().getUsageTerms());
        }
    }

    @Test
    void aDraftsOwnLicenceIsOnItsCoverAndInItsMetadata() throws Exception {
        Draft draft = Samples.withBody("Text.\n", "licence: CC0-1.0\n");
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(draft, SETTINGS, Map.of()).bytes())) {
            XMPMetadata xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().toByteArray());
            assertThat(xmp.getXMPRightsManagementSchema().getMarked()).isFalse();
            assertThat(xmp.getXMPRightsManagementSchema().getWebStatement()).isEqualTo("https://creativecommons.org/publicdomain/zero/1.0/");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            assertThat(stripper.getText(pdf)).contains("Licence: CC0 1.0 (Creative Commons Zero v1.0 Universal)");
        }
    }

    @Test
    void aMetadataPacketOfAnotherShapeIsLeftToTheGeneralWay() {
        String packet = "<x:xmpmeta><rdf:RDF><rdf:Description><xmp:CreateDate>2026-01-01T00:00:00+00:00</xmp:CreateDate>"
                + "<xmp:ModifyDate>2026-01-01T00:00:00+00:00</xmp:ModifyDate></rdf:Description></rdf:RDF></x:xmpmeta>";
        assertThat(Reproducible.redate(packet.getBytes(StandardCharsets.UTF_8), "2024-05-20T09:15:02+00:00", Licence.DEFAULT)).isNull();
        assertThat(Reproducible.redate("<x:xmpmeta/>".getBytes(StandardCharsets.UTF_8), "2024-05-20T09:15:02+00:00", Licence.DEFAULT)).isNull();
        assertThat(new String(Reproducible.redate("<a>\n  <xmp:CreateDate>2026-01-01T00:00:00+00:00</xmp:CreateDate>\n</rdf:RDF></a>"
                .getBytes(StandardCharsets.UTF_8), "2024-05-20T09:15:02+00:00", Licence.DEFAULT), StandardCharsets.UTF_8))
                .startsWith("<a>\n  <xmp:CreateDate>2024-05-20T09:15:02+00:00</xmp:CreateDate>\n"
                        + "  <xmp:ModifyDate>2024-05-20T09:15:02+00:00</xmp:ModifyDate>\n<rdf:Description rdf:about=\"\" xmlns:xmpRights=")
                .endsWith("</rdf:Description></rdf:RDF></a>");
    }

    @Test
    void theSameDraftRendersToTheSameBytes() {
        Draft draft = Samples.draft("interregional-cooperation/partnerships-across-borders.md");
        assertThat(RENDERER.render(draft, SETTINGS, Map.of()).bytes()).isEqualTo(RENDERER.render(draft, SETTINGS, Map.of()).bytes());
    }

    @Test
    void rawHtmlPrintsAsTextAndNothingActiveReachesThePdf() throws IOException {
        Draft draft = draft("""
                Before <script>alert('x')</script> after.

                <iframe src="http://127.0.0.1:9/x"></iframe>

                [a script](javascript:alert(1)) and [a file](file:///etc/passwd) and [Europa](https://europa.eu/).

                - [ ] open task
                - [x] done task
                """);
        byte[] bytes = RENDERER.render(draft, SETTINGS, Map.of()).bytes();
        String text = text(bytes);
        // Printed as text, typography and all.
        assertThat(text).contains("Before <script>alert(‘x’)</script> after.").contains("<iframe");
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("/JavaScript").doesNotContain("/JS ").doesNotContain("/Launch").doesNotContain("/AcroForm")
                .doesNotContain("javascript:").doesNotContain("file:///");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<String> uris = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                page.getAnnotations().stream().filter(PDAnnotationLink.class::isInstance).map(PDAnnotationLink.class::cast)
                        .filter(link -> link.getAction() instanceof PDActionURI)
                        .forEach(link -> uris.add(((PDActionURI) link.getAction()).getURI()));
            }
            // The draft's one web link, and the cover's link to its licence.
            assertThat(uris).containsExactly("https://creativecommons.org/licenses/by/4.0/", "https://europa.eu/");
        }
    }

    @Test
    void renderingNeverReachesTheNetwork() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Draft draft = draft("![remote](" + base + "/image.png)\n\n"
                    + "[link](" + base + "/page)\n\n"
                    + "<img src=\"" + base + "/raw.png\"> <iframe src=\"" + base + "/frame\"></iframe>\n\n"
                    + "<style>body { background: url(" + base + "/css.png) }</style>\n\n"
                    + "![file](file:///etc/passwd)\n");
            byte[] bytes = RENDERER.render(draft, SETTINGS, Map.of()).bytes();
            assertThat(requests.get()).as("requests the local server received").isZero();
            assertThat(text(bytes)).doesNotContain("root:x:0:0");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPreviewCarriesTheDraftWatermarkOnEveryPage() throws IOException {
        Draft draft = Samples.draft("industrial-transition/green-steel-preview.md");
        byte[] bytes = RENDERER.render(draft, SETTINGS, Map.of()).bytes();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(pdf)).as("page " + page).contains("DRAFT");
            }
        }
    }

    @Test
    void localImagesAreEmbeddedAndRemoteOnesPrintAsTheirAltTextAndAddress() throws IOException {
        Draft draft = draft("""
                ![Adoption by region](figures/chart.png)

                ![Map of partners](https://example.org/map.png)
                """);
        byte[] png = png();
        Images.Resolution resolution = Images.resolve(draft, (path, max) -> path.equals("figures/chart.png")
                ? java.util.Optional.of(png) : java.util.Optional.empty());
        assertThat(resolution.problems()).isEmpty();
        byte[] bytes = RENDERER.render(draft, SETTINGS, resolution.images()).bytes();
        assertThat(text(bytes)).contains("[Map of partners] (https://example.org/map.png)");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(1);
            assertThat(alternateDescriptions(pdf.getDocumentCatalog().getStructureTreeRoot().getKids()))
                    .as("the image's accessible description").contains("Adoption by region");
        }
    }

    private static List<String> alternateDescriptions(List<Object> kids) {
        List<String> found = new ArrayList<>();
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement element) {
                if (element.getAlternateDescription() != null) {
                    found.add(element.getAlternateDescription());
                }
                found.addAll(alternateDescriptions(element.getKids()));
            }
        }
        return found;
    }

    @Test
    void missingOutsideAndNonImageFilesAreProblemsAtTheirLines() {
        Draft draft = draft("""
                ![one](missing.png)

                ![two](../other-draft/secret.png)

                ![three](notes.txt)
                """);
        Images.Resolution resolution = Images.resolve(draft, (path, max) -> path.equals("notes.txt")
                ? java.util.Optional.of("plain text".getBytes(StandardCharsets.UTF_8)) : java.util.Optional.empty());
        assertThat(resolution.problems()).extracting(problem -> problem.line() + " " + problem.message().split(":")[0]).containsExactly(
                "9 the image 'missing.png' was not found in the draft's folder",
                "11 the image '../other-draft/secret.png' must be a path inside the draft's own folder, such as figures/chart.png",
                "13 the image 'notes.txt' is not a PNG or JPEG file");
    }

    @Test
    void imagesOfTooManyPixelsAreProblemsReadFromTheirHeadersAlone() {
        Draft draft = draft("""
                ![huge](huge.png)

                ![tall](tall.png)
                """);
        Map<String, byte[]> files = Map.of("huge.png", HostilePngs.claiming(16_000, 16_000, true), "tall.png", HostilePngs.claiming(400, 50_000, false));
        Images.Resolution resolution = Images.resolve(draft, (path, max) -> java.util.Optional.ofNullable(files.get(path)));
        assertThat(resolution.images()).isEmpty();
        assertThat(resolution.problems()).extracting(problem -> problem.line() + " " + problem.message().split(";")[0]).containsExactly(
                "9 the image 'huge.png' is 16000 x 16000 pixels (256000000)",
                "11 the image 'tall.png' is 400 x 50000 pixels (20000000)");
    }

    @Test
    void theDraftsImagesTogetherHaveAPixelLimitToo() {
        // Five whole images of 4000 x 4000: each within the limit, the fifth over it in all.
        byte[] photo = HostilePngs.blank(4000, 4000);
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            body.append("![photo ").append(i).append("](photo-").append(i).append(".png)\n\n");
        }
        Images.Resolution resolution = Images.resolve(draft(body.toString()), (path, max) -> java.util.Optional.of(photo));
        assertThat(resolution.images()).hasSize(4);
        assertThat(resolution.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(17);
            assertThat(problem.message()).startsWith("with the image 'photo-5.png' (4000 x 4000 pixels) the draft's images have more than 64000000 pixels in all");
        });
    }

    @Test
    void aDamagedImageIsAProblemAtItsLineNeverDroppedFromTheBrief() {
        Draft draft = draft("![chart](chart.png)\n");
        Images.Resolution resolution = Images.resolve(draft, (path, max) -> java.util.Optional.of(HostilePngs.truncated()));
        assertThat(resolution.images()).isEmpty();
        assertThat(resolution.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(9);
            assertThat(problem.message()).startsWith("the image 'chart.png' is damaged and cannot be drawn");
        });
    }

    private static Draft draft(String body) {
        return Samples.withBody(body);
    }

    /** The plain text of every paragraph, heading and table cell, split into sentences. */
    private static List<String> sentences(Draft draft) {
        List<String> sentences = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(Markdown.parse(draft.markdown(), "en", draft.meta().references().named()));
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Paragraph || node instanceof Heading || node instanceof TableCell) {
                // A footnote reference prints as its number, a citation as its style says: the text on either side is checked apart.
                List<Node> footnotes = new ArrayList<>();
                node.getDescendants().forEach(descendant -> {
                    if (descendant instanceof Footnote || descendant instanceof eu.s3cop.draft.Citation) {
                        footnotes.add(descendant);
                    }
                });
                // Typographic quotes are nodes of their own, whose marks the text collector leaves out.
                node.getDescendants().forEach(descendant -> {
                    if (descendant instanceof TypographicQuotes quotes) {
                        quotes.prependChild(new Text(BasedSequence.of("\"")));
                        quotes.appendChild(new Text(BasedSequence.of("\"")));
                    }
                });
                for (Node footnote : footnotes) {
                    footnote.insertBefore(new Text(BasedSequence.of("\u0001")));
                    footnote.unlink();
                }
                // Cross-references print as "Figure 1", labels not at all, and a caption's "Table:" as "Table 1:":
                // the text on either side of them is checked apart.
                String written = new TextCollectingVisitor().collectAndGetText(node);
                written = CrossReferences.CAPTION.matcher(written).replaceFirst("$1");
                written = CrossReferences.REFERENCE.matcher(CrossReferences.LABEL.matcher(written).replaceAll("\u0001")).replaceAll("\u0001");
                String text = normalise(written);
                for (String sentence : text.split("(?<=[.!?:;»“”])\\s+|\u0001")) {
                    if (!sentence.isBlank()) {
                        sentences.add(sentence.strip());
                    }
                }
                continue;
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        return sentences;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // In reading order, as pdftotext and a viewer's search read it.
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /**
     * The text in one form, typography folded back to what a draft types: the brief prints
     * "quotes", dashes and ellipses as typographers set them, and a sentence of the draft is
     * found in it either way.
     */
    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[“”„«»]", "\"").replaceAll("[‘’‚]", "'")
                .replace("—", "---").replace("–", "--").replace("…", "...").replaceAll("\\s+", " ").strip();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, x * 6 << 16 | y * 12 << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
