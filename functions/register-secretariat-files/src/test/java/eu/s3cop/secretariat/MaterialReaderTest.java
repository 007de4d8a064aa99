package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.SampleMaterials;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.webinar.model.MaterialKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A material is checked from its name, its size and its first bytes alone, and every problem says what to do. */
class MaterialReaderTest {

    private static final MaterialReader READER = new MaterialReader();
    private static final byte[] PDF = SampleMaterials.pdf("Slides");
    private static final byte[] DOCX = SampleMaterials.docx("Notes");
    private static final byte[] ODP = SampleMaterials.openDocument("application/vnd.oasis.opendocument.presentation", "Slides");
    private static final byte[] ODT = SampleMaterials.openDocument("application/vnd.oasis.opendocument.text", "Notes");

    /** What S3 gives the reader: the size, and at most the first bytes. */
    private static Outcome<MaterialKind> read(String name, byte[] file) {
        return READER.read(name, file.length, Arrays.copyOf(file, Math.min(file.length, MaterialReader.FIRST_BYTES)));
    }

    private static List<String> problems(Outcome<MaterialKind> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<MaterialKind>) outcome).problems().stream().map(Problem::message).toList();
    }

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                Arguments.of("Slides day 1.pdf", PDF, MaterialKind.PDF),
                Arguments.of("SLIDES.PDF", PDF, MaterialKind.PDF),
                Arguments.of("notes_v2.docx", DOCX, MaterialKind.DOCX),
                // A PPTX and an XLSX are Office Open XML packages like a DOCX: the first bytes tell a ZIP, not which one.
                Arguments.of("deck.pptx", DOCX, MaterialKind.PPTX),
                Arguments.of("figures-2024.xlsx", DOCX, MaterialKind.XLSX),
                Arguments.of("keynote.odp", ODP, MaterialKind.ODP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFiles")
    void aFileWhoseContentIsWhatItsExtensionSaysIsAccepted(String name, byte[] file, MaterialKind kind) {
        assertThat(read(name, file)).isEqualTo(new Outcome.Accepted<>(kind));
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of("slides.pdf", DOCX, "ends in .pdf but its content is a ZIP package", "save or export it as a .pdf file"),
                Arguments.of("slides.pptx", PDF, "ends in .pptx but its content is a PDF", "rename it with the extension .pdf"),
                Arguments.of("slides.pptx", ODP, "is an OpenDocument file (application/vnd.oasis.opendocument.presentation)",
                        "rename it with the extension .odp"),
                Arguments.of("slides.odp", DOCX, "ends in .odp but its content is a ZIP package", "save or export it as a .odp file"),
                Arguments.of("notes.odp", ODT, "an OpenDocument file (application/vnd.oasis.opendocument.text)", "export it as PDF"),
                Arguments.of("notes.docx", "Just text, renamed.".getBytes(StandardCharsets.UTF_8), "none of the kinds an event lists",
                        "save or export it as a .docx file"));
    }

    @ParameterizedTest(name = "{0} holding {2}")
    @MethodSource("mismatches")
    void aFileWhoseContentIsNotWhatItsExtensionSaysIsRejectedWithWhatItIs(String name, byte[] file, String what, String fix) {
        assertThat(problems(read(name, file))).singleElement().asString().startsWith("'" + name + "'").contains(what, fix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.exe", "video.mp4", "README", "slides.key"})
    void aKindAnEventDoesNotListIsRejectedWithTheKindsItDoes(String name) {
        assertThat(problems(READER.read(name, 20, new byte[0]))).singleElement().asString()
                .contains("'" + name + "' is not a kind of file an event lists", ".pdf", ".pptx", ".docx", ".xlsx", ".odp");
    }

    @Test
    void anOlderOfficeFormatIsToldWhichFormatToSaveItIn() {
        assertThat(problems(READER.read("slides.ppt", 20, new byte[0]))).singleElement().asString()
                .contains("older format (.ppt)", "save it as .pptx");
        assertThat(problems(READER.read("budget.XLS", 20, new byte[0]))).singleElement().asString().contains("save it as .xlsx");
    }

    @Test
    void aFileOfFiftyMegabytesIsAcceptedAndOneByteMoreIsNot() {
        assertThat(READER.read("slides.pdf", MaterialReader.MAX_BYTES, PDF)).isEqualTo(new Outcome.Accepted<>(MaterialKind.PDF));
        assertThat(problems(READER.read("slides.pdf", MaterialReader.MAX_BYTES + 1, PDF))).singleElement().asString()
                .contains("'slides.pdf' is 50,000,001 bytes", "at most 50 MB (50,000,000 bytes)", "make it smaller");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThat(problems(READER.read("slides.pdf", 0, new byte[0]))).singleElement().asString().contains("is empty (0 bytes)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Präsentation.pdf", "slides (final).pdf", "a&b.pdf", "tab\there.pdf", "slides\u202Efdp.exe.pdf"})
    void aNameWithCharactersBeyondLettersDigitsSpacesDotsHyphensAndUnderscoresIsRejected(String name) {
        assertThat(problems(read(name, PDF))).singleElement().asString()
                .contains("has characters a material's name may not have", "letters a to z, digits, spaces, dots, hyphens and underscores");
    }

    @Test
    void theProblemNamesTheCharactersToChange() {
        assertThat(problems(read("Präsentation (1).pdf", PDF))).singleElement().asString().contains("('ä', '(', ')')");
        assertThat(problems(read("tab\there.pdf", PDF))).singleElement().asString().contains("(U+0009)");
    }

    @Test
    void aNameInAFolderInsideMaterialsIsRejected() {
        assertThat(problems(read("day 1/slides.pdf", PDF))).singleElement().asString()
                .contains("is in a folder inside materials/", "directly into the event's materials/ folder");
        assertThat(problems(read("../../drafts/x.pdf", PDF))).anySatisfy(problem -> assertThat(problem).contains("is in a folder"));
    }

    @Test
    void aNameOfMoreThanAHundredCharactersIsRejectedAndAHundredIsNot() {
        String hundred = "s".repeat(96) + ".pdf";
        assertThat(read(hundred, PDF)).isEqualTo(new Outcome.Accepted<>(MaterialKind.PDF));
        assertThat(problems(read("s" + hundred, PDF))).singleElement().asString().contains("is 101 characters long", "at most 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {".pdf", ".hidden.pdf", " slides.pdf", "slides.pdf "})
    void aNameThatStartsOrEndsWithADotOrASpaceIsRejected(String name) {
        assertThat(problems(read(name, PDF))).anySatisfy(problem -> assertThat(problem).contains("starts or ends with a dot or a space"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems(READER.read("Folie (1).exe", MaterialReader.MAX_BYTES + 1, new byte[0])))
                .hasSize(3).anySatisfy(problem -> assertThat(problem).contains("characters"))
                .anySatisfy(problem -> assertThat(problem).contains("not a kind of file"))
                .anySatisfy(problem -> assertThat(problem).contains("50 MB"));
    }

    @Test
    void truncatedOrHostileFirstBytesNeverThrow() {
        byte[] zipHeaderOnly = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0};
        byte[] hugeNameLength = Arrays.copyOf(ODP, 64);
        hugeNameLength[26] = (byte) 0xff;
        hugeNameLength[27] = (byte) 0xff;
        for (byte[] start : List.of(new byte[0], zipHeaderOnly, hugeNameLength, Arrays.copyOf(ODP, 40), "%PDF".getBytes(StandardCharsets.US_ASCII))) {
            assertThat(READER.read("slides.odp", 1_000, start)).isInstanceOf(Outcome.Rejected.class);
        }
    }
}
