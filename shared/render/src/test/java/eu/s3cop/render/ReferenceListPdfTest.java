package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The sample brief that cites its sources, as a reader gets it: citations in the text, a tagged list of works, links that open. */
class ReferenceListPdfTest {

    private static final String SAMPLE = "innovation-diffusion/bottlenecks-to-innovation-diffusion.md";

    @Test
    void theSampleCitesItsSourcesAndListsThemAsATaggedListWithWorkingLinks() throws IOException {
        byte[] bytes = new PdfRenderer().render(Samples.draft(SAMPLE), new RenderSettings(1, Instant.parse("2024-05-20T09:15:02Z")),
                Samples.images(SAMPLE), Samples.references(SAMPLE)).bytes();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("set out to reach them (Gianelle et al., 2016).")
                    .contains("(European Parliament and Council of the European Union, 2021, Annex IV); Gianelle et al. (2016) describe")
                    .contains("References European Parliament and Council of the European Union. (2021).")
                    .contains("https://doi.org/10.2791/53569");
            List<String> uris = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                page.getAnnotations().stream().filter(PDAnnotationLink.class::isInstance).map(PDAnnotationLink.class::cast)
                        .filter(link -> link.getAction() instanceof PDActionURI)
                        .forEach(link -> uris.add(((PDActionURI) link.getAction()).getURI()));
            }
            assertThat(uris).contains("https://doi.org/10.2791/53569", "https://eur-lex.europa.eu/eli/reg/2021/1060/oj");
            List<PDStructureElement> lists = new ArrayList<>();
            collect(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), "L", lists);
            assertThat(lists).as("the reference list, the brief's last list").isNotEmpty();
            PDStructureElement references = lists.get(lists.size() - 1);
            assertThat(references.getKids().stream().filter(PDStructureElement.class::isInstance).map(PDStructureElement.class::cast)
                    .map(PDStructureElement::getStructureType)).containsExactly("LI", "LI");
        }
    }

    private static void collect(List<Object> kids, String type, List<PDStructureElement> found) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                if (type.equals(element.getStructureType())) {
                    found.add(element);
                }
                collect(element.getKids(), type, found);
            }
        }
    }
}
