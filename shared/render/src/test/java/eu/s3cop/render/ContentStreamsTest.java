package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentStreamsTest {

    @Test
    void anArtifactAroundNothingGoesWithTheArtifactsAroundIt() {
        String content = """
                /Artifact /Prop2 BDC
                EMC
                /Artifact /Prop2 BDC
                /Artifact /Prop3 BDC
                EMC
                EMC
                /Span <</MCID 0>> BDC
                BT
                /F1 10.5 Tf
                (Norte) Tj
                ET
                EMC
                """;
        assertThat(compacted(content)).isEqualTo("""
                /Span <</MCID 0>> BDC
                BT
                /F1 10.5 Tf
                (Norte) Tj
                ET
                EMC
                """);
    }

    @Test
    void artifactsThatDrawSomethingAndTaggedContentStay() {
        // A border, an empty span the structure tree points at, and a string that reads like an artifact.
        String content = """
                /Artifact /Prop2 BDC
                0.5 w
                56.7 700 m
                538.6 700 l
                S
                EMC
                /Span <</MCID 3>> BDC
                EMC
                BT
                (/Artifact /Prop2 BDC EMC) Tj
                ET
                """;
        assertThat(compacted(content)).isEqualTo(content);
    }

    @Test
    void anArtifactThatHoldsOnlyAnEmptyOneKeepsWhatElseItHolds() {
        assertThat(compacted("/Artifact BMC\n/Artifact /Prop2 BDC\nEMC\n0 0 1 rg\nEMC\n"))
                .isEqualTo("/Artifact BMC\n0 0 1 rg\nEMC\n");
    }

    @Test
    void contentThatIsNotWholeLinesOfBalancedMarkedContentIsLeftAsItIs() {
        String unbalanced = "/Artifact /Prop2 BDC\nEMC\nEMC\n";
        String unclosed = "/Artifact /Prop2 BDC\n/Artifact /Prop2 BDC\nEMC\n";
        String inlineImage = "/Artifact /Prop2 BDC\nEMC\nBI\n/W 1 /H 1 /CS /G /BPC 8\nID\n\u0000\nEI\n";
        assertThat(compacted(unbalanced)).isEqualTo(unbalanced);
        assertThat(compacted(unclosed)).isEqualTo(unclosed);
        assertThat(compacted(inlineImage)).isEqualTo(inlineImage);
    }

    @Test
    void aLastLineWithoutItsLineFeedIsKept() {
        assertThat(compacted("/Artifact /Prop2 BDC\nEMC\nQ")).isEqualTo("Q");
        assertThat(compacted("/Artifact /Prop2 BDC\nEMC")).isEmpty();
    }

    private static String compacted(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        return new String(ContentStreams.withoutEmptyArtifacts(bytes), StandardCharsets.ISO_8859_1);
    }
}
