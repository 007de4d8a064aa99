package eu.s3cop.webinar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A material's kind comes from its name's extension, and its upload sits in its event's own folder. */
class MaterialKindTest {

    @Test
    void aKindIsKnownByItsExtensionInAnyCase() {
        assertThat(MaterialKind.ofName("Slides.PPTX")).contains(MaterialKind.PPTX);
        assertThat(MaterialKind.ofName("report.final.odp")).contains(MaterialKind.ODP);
        assertThat(MaterialKind.ofName("setup.exe")).isEmpty();
        assertThat(MaterialKind.ofName("README")).isEmpty();
        assertThat(MaterialKind.ofName("slides.")).isEmpty();
    }

    @Test
    void aMaterialsUploadKeyIsInItsEventsOwnFolder() {
        assertThat(Material.uploadKey("bottlenecks-2024", "Slides 1.pdf")).isEqualTo("webinars/bottlenecks-2024/materials/Slides 1.pdf");
    }
}
