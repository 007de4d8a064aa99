package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The sample briefs conform to PDF/UA-1 (accessible) and PDF/A-2u (archival), as veraPDF checks them. */
class ConformanceTest {

    private static final PdfRenderer RENDERER = new PdfRenderer();

    @Test
    void theValidatorRejectsAnUntaggedPdfWithAnUnembeddedFont() throws Exception {
        try (PDDocument plain = new PDDocument()) {
            PDPage page = new PDPage();
            plain.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(plain, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Not accessible, not archival.");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            plain.save(out);
            assertThat(Conformance.failures(out.toByteArray(), PDFAFlavour.PDFUA_1)).isNotEmpty();
            assertThat(Conformance.failures(out.toByteArray(), PDFAFlavour.PDFA_2_U)).isNotEmpty();
        }
    }

    @Test
    void aLongDocumentOfOverSixtyPagesIsAccessibleAndArchival() {
        byte[] text = LongDocument.draft(44).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        eu.s3cop.upload.Outcome<eu.s3cop.draft.Draft> outcome = new eu.s3cop.draft.DraftReader(eu.s3cop.draft.DraftRules.defaults()).read("long-report.md", text);
        assertThat(outcome).isInstanceOf(eu.s3cop.upload.Outcome.Accepted.class);
        RenderedPdf pdf = RENDERER.render(((eu.s3cop.upload.Outcome.Accepted<eu.s3cop.draft.Draft>) outcome).value(),
                new RenderSettings(1, Instant.parse("2024-09-30T08:00:00Z")), Map.of());
        assertThat(pdf.pages()).isGreaterThanOrEqualTo(60);
        assertThat(Conformance.failures(pdf.bytes(), PDFAFlavour.PDFUA_1)).as("PDF/UA-1 failures").isEmpty();
        assertThat(Conformance.failures(pdf.bytes(), PDFAFlavour.PDFA_2_U)).as("PDF/A-2u failures").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eu.s3cop.render.Samples#all")
    void sampleBriefsAreAccessibleAndArchival(String sample) {
        byte[] pdf = RENDERER.render(Samples.draft(sample), new RenderSettings(1, Instant.parse("2024-05-20T09:15:02Z")), Samples.images(sample), Samples.references(sample)).bytes();
        assertThat(Conformance.failures(pdf, PDFAFlavour.PDFUA_1)).as("PDF/UA-1 failures of " + sample).isEmpty();
        assertThat(Conformance.failures(pdf, PDFAFlavour.PDFA_2_U)).as("PDF/A-2u failures of " + sample).isEmpty();
    }
}
