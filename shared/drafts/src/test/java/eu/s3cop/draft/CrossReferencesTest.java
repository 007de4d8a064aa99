package eu.s3cop.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The syntax's patterns read a paragraph in time that grows with its length, not with its square. */
class CrossReferencesTest {

    /** A text that counts how often the pattern reads one of its characters. */
    private static final class Counted implements CharSequence {
        private final String text;
        long reads;

        Counted(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void aCaptionsLabelIsFoundWithoutReadingARunOfSpacesOnceForEachOfItsSpaces() {
        // A line may hold 10,000 characters; a run that long read once per space would be 50 million reads.
        for (String text : new String[] {"Adoption" + " \t".repeat(4_990) + "by region", "Adoption" + " ".repeat(9_980) + "{#tbl:regions}x",
                "Adoption by region" + " ".repeat(9_970) + "{#tbl:regions}" + " ".repeat(9_000)}) {
            Counted counted = new Counted(text);
            Matcher label = CrossReferences.CAPTION_LABEL.matcher(counted);
            boolean found = label.find();
            assertThat(counted.reads).as("characters read for %d", text.length()).isLessThan(10L * text.length());
            assertThat(found).isEqualTo(text.endsWith(" "));
        }
        Matcher label = CrossReferences.CAPTION_LABEL.matcher("Adoption by region {#tbl:regions}  ");
        assertThat(label.find()).isTrue();
        assertThat(label.group(1)).isEqualTo("regions");
    }
}
