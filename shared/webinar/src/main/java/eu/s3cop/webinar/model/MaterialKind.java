package eu.s3cop.webinar.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file an event's materials may be, each known by its extension. */
public enum MaterialKind {
    PDF("pdf", "application/pdf"),
    PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ODP("odp", "application/vnd.oasis.opendocument.presentation");

    /** The extensions a material may have, for problems. */
    public static final String EXTENSIONS = ".pdf, .pptx, .docx, .xlsx or .odp";

    private final String extension;
    private final String contentType;

    MaterialKind(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The extension without its dot, in lower case: the word the store and the API's JSON use. */
    public String extension() {
        return extension;
    }

    /** The media type a download is served with, whatever type the uploader's client gave it. */
    public String contentType() {
        return contentType;
    }

    /** The kind a file name's extension says, in any case ({@code Slides.PDF} too); empty for any other. */
    public static Optional<MaterialKind> ofName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The kind an extension word names, as {@link #extension()} writes it. */
    public static Optional<MaterialKind> of(String extension) {
        return Arrays.stream(values()).filter(kind -> kind.extension.equals(extension)).findFirst();
    }
}
