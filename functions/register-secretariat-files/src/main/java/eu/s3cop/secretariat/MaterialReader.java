package eu.s3cop.secretariat;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UserText;
import eu.s3cop.webinar.model.MaterialKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a file the secretariat gives an event, from its name, its size and its first bytes, so
 * that a 50 MB upload is never read whole: the name is one a download can keep as it is, the size
 * within bounds, and the content of the kind the extension says. Every problem is found at once.
 * Never throws on bad input.
 */
final class MaterialReader {

    /** 50 MB, counted as a download manager shows it. */
    static final long MAX_BYTES = 50_000_000L;
    static final int MAX_NAME_LENGTH = 100;
    /**
     * What is read of a file: enough for an OpenDocument package's first entry, whose header,
     * name and stored content (its media type) come first, with room for an extra field.
     */
    static final int FIRST_BYTES = 512;

    /** A name that every system saves, a URL carries and a header quotes as it is. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._ -]+");
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String OPENDOCUMENT = "application/vnd.oasis.opendocument.";
    private static final String PRESENTATION = OPENDOCUMENT + "presentation";
    /** Older formats that the application which made them saves in a listed one. */
    private static final Map<String, String> OLDER_FORMATS = Map.of("ppt", "pptx", "doc", "docx", "xls", "xlsx");

    /** What a file's first bytes show it to be. */
    private enum Content { PDF, OFFICE_OPEN_XML, OPENDOCUMENT, OTHER }

    /**
     * @param name what follows {@code materials/} in the upload's key
     * @param size the upload's size in bytes
     * @param firstBytes its first {@link #FIRST_BYTES} bytes (fewer for a smaller file); ignored,
     *     and may be empty, when the name has no listed extension
     * @return the file's kind, or every problem with it
     */
    Outcome<MaterialKind> read(String name, long size, byte[] firstBytes) {
        List<Problem> problems = new ArrayList<>();
        String shown = shown(name);
        if (name.contains("/")) {
            problems.add(Problem.ofFile("'" + shown + "' is in a folder inside materials/, where folders are not listed: upload the file"
                    + " directly into the event's materials/ folder"));
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        problems.addAll(nameProblems(fileName));
        Optional<MaterialKind> kind = MaterialKind.ofName(fileName);
        if (kind.isEmpty()) {
            problems.add(Problem.ofFile(unlisted(fileName)));
        }
        if (size == 0) {
            problems.add(Problem.ofFile("'" + shown + "' is empty (0 bytes): upload the file again"));
        } else if (size > MAX_BYTES) {
            problems.add(Problem.ofFile(String.format(Locale.ROOT, "'%s' is %,d bytes; a material is at most 50 MB (%,d bytes): make it smaller"
                    + " (export a presentation as PDF, or compress its pictures), or link to it from the webinar file's description",
                    shown, size, MAX_BYTES)));
        }
        if (kind.isPresent() && size > 0) {
            contentProblem(shown, kind.get(), firstBytes).ifPresent(problems::add);
        }
        return problems.isEmpty() ? new Outcome.Accepted<>(kind.get()) : new Outcome.Rejected<>(problems);
    }

    private static List<Problem> nameProblems(String name) {
        List<Problem> problems = new ArrayList<>();
        String shown = shown(name);
        if (name.isEmpty()) {
            problems.add(Problem.ofFile("the file has no name: upload it again with its name"));
            return problems;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            problems.add(Problem.ofFile("the name '" + shown + "' is " + name.length() + " characters long; a material's name is at most "
                    + MAX_NAME_LENGTH + ": shorten it and upload the file again"));
        }
        if (!SAFE_NAME.matcher(name).matches()) {
            String others = name.codePoints().filter(c -> !SAFE_NAME.matcher(Character.toString(c)).matches())
                    .distinct().limit(5).mapToObj(c -> Character.isLetterOrDigit(c) || (c > ' ' && c < 127)
                            ? "'" + Character.toString(c) + "'" : String.format("U+%04X", c))
                    .reduce((one, other) -> one + ", " + other).orElse("");
            problems.add(Problem.ofFile("the name '" + shown + "' has characters a material's name may not have (" + others
                    + "): rename the file with letters a to z, digits, spaces, dots, hyphens and underscores only, then upload it again"));
        }
        if (name.startsWith(".") || name.startsWith(" ") || name.endsWith(" ") || name.endsWith(".")) {
            problems.add(Problem.ofFile("the name '" + shown + "' starts or ends with a dot or a space, which some systems hide or drop:"
                    + " rename the file and upload it again"));
        }
        return problems;
    }

    private static String unlisted(String name) {
        String shown = shown(name);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (OLDER_FORMATS.containsKey(extension)) {
            return "'" + shown + "' is in an older format (." + extension + ") that an event does not list: save it as ."
                    + OLDER_FORMATS.get(extension) + " (File, Save As) or export it as PDF, and upload that";
        }
        return "'" + shown + "' is not a kind of file an event lists" + (dot < 0 ? " (its name has no extension)" : "")
                + ": upload a PDF (.pdf), PowerPoint presentation (.pptx), Word document (.docx), Excel workbook (.xlsx) or"
                + " OpenDocument presentation (.odp), with its extension";
    }

    /**
     * The name as a problem repeats it: short, and with every invisible character (a control, or
     * a format character such as a right-to-left override, which would turn the rest of the line
     * around) shown as "?".
     */
    private static String shown(String name) {
        StringBuilder visible = new StringBuilder();
        UserText.quote(name).codePoints().forEach(c -> visible.appendCodePoint(Character.getType(c) == Character.FORMAT ? '?' : c));
        return visible.toString();
    }

    /** Whether the first bytes are what the extension says; the problem names what they are instead. */
    private static Optional<Problem> contentProblem(String shown, MaterialKind kind, byte[] firstBytes) {
        Content content = content(firstBytes);
        String is = switch (content) {
            case PDF -> "a PDF";
            case OFFICE_OPEN_XML -> "a ZIP package (such as a PPTX, DOCX or XLSX file)";
            case OPENDOCUMENT -> "an OpenDocument file (" + UserText.quote(mediaType(firstBytes).orElse("")) + ")";
            case OTHER -> "none of the kinds an event lists";
        };
        boolean matches = switch (kind) {
            case PDF -> content == Content.PDF;
            case PPTX, DOCX, XLSX -> content == Content.OFFICE_OPEN_XML;
            case ODP -> content == Content.OPENDOCUMENT && mediaType(firstBytes).filter(PRESENTATION::equals).isPresent();
        };
        if (matches) {
            return Optional.empty();
        }
        String fix = switch (content) {
            case PDF -> "rename it with the extension .pdf, or upload the ." + kind.extension() + " file itself";
            case OPENDOCUMENT -> mediaType(firstBytes).filter(PRESENTATION::equals).isPresent()
                    ? "rename it with the extension .odp, or save it as ." + kind.extension() + " and upload that"
                    : "save it as a listed kind (export it as PDF, for example) and upload that";
            default -> "save or export it as a ." + kind.extension() + " file and upload that, or give it the extension of what it is";
        };
        return Optional.of(Problem.ofFile("'" + shown + "' ends in ." + kind.extension() + " but its content is " + is + ": " + fix));
    }

    private static Content content(byte[] bytes) {
        if (startsWith(bytes, PDF)) {
            return Content.PDF;
        }
        if (!startsWith(bytes, ZIP)) {
            return Content.OTHER;
        }
        return mediaType(bytes).filter(type -> type.startsWith(OPENDOCUMENT)).isPresent() ? Content.OPENDOCUMENT : Content.OFFICE_OPEN_XML;
    }

    /**
     * The media type an OpenDocument package declares: its first entry is named {@code mimetype},
     * stored uncompressed with its size in its header, so the type is readable in the first
     * bytes. Empty for any other ZIP.
     */
    private static Optional<String> mediaType(byte[] bytes) {
        if (bytes.length < 30 || !startsWith(bytes, ZIP)) {
            return Optional.empty();
        }
        int method = u16(bytes, 8);
        long storedSize = u16(bytes, 18) | ((long) u16(bytes, 20) << 16);
        int nameLength = u16(bytes, 26);
        int extraLength = u16(bytes, 28);
        int start = 30 + nameLength + extraLength;
        if (method != 0 || storedSize == 0 || 30 + nameLength > bytes.length
                || !"mimetype".equals(new String(bytes, 30, nameLength, StandardCharsets.US_ASCII)) || start >= bytes.length) {
            return Optional.empty();
        }
        int end = (int) Math.min(bytes.length, start + Math.min(storedSize, 100));
        StringBuilder type = new StringBuilder();
        for (int i = start; i < end; i++) {
            char c = (char) (bytes[i] & 0xff);
            if (!(Character.isLetterOrDigit(c) && c < 128) && ".+-/".indexOf(c) < 0) {
                break;
            }
            type.append(c);
        }
        return Optional.of(type.toString());
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
