package eu.s3cop.catalogue;

import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.draft.PublicationType;
import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.publications.Publication;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;

/**
 * How to cite a publication: a suggested citation in words, and the same in the formats
 * reference managers import (BibTeX, RIS, CSL-JSON). The publisher is the community and the
 * working group; the address is the publication's page when the site's address is known, and
 * its DOI, once DataCite has registered one, is in each.
 */
public final class Citations {

    /** A format a reference manager imports: its name in the route, its media type and file extension. */
    public enum Format {
        BIBTEX("bibtex", "application/x-bibtex; charset=utf-8", "bib"),
        RIS("ris", "application/x-research-info-systems; charset=utf-8", "ris"),
        CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json; charset=utf-8", "json");

        private final String parameter;
        private final String mediaType;
        private final String extension;

        Format(String parameter, String mediaType, String extension) {
            this.parameter = parameter;
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String parameter() {
            return parameter;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        public static java.util.Optional<Format> of(String parameter) {
            return java.util.Arrays.stream(values()).filter(format -> format.parameter.equals(parameter)).findFirst();
        }
    }

    private Citations() {
    }

    /** The publication's citation in this format. */
    public static String of(Format format, Publication publication, String pageUrl) {
        return of(format, publication, pageUrl, null);
    }

    /** @param doi the cited version's registered DOI ({@code 10.…}), or null */
    public static String of(Format format, Publication publication, String pageUrl, String doi) {
        return switch (format) {
            case BIBTEX -> bibtex(publication, pageUrl, doi);
            case RIS -> ris(publication, pageUrl, doi);
            case CSL_JSON -> cslJson(publication, pageUrl, doi);
        };
    }

    /** Who publishes: the community and the working group. */
    static String publisher(Publication publication) {
        return WorkingGroupNames.publisher(publication.workingGroup());
    }

    /** The suggested citation: authors (year). Title. Type. Publisher. Address. */
    public static String text(Publication publication, String pageUrl) {
        return text(publication, pageUrl, null);
    }

    /** The same, with the DOI as the address where the version has one, as style guides ask. */
    public static String text(Publication publication, String pageUrl, String doi) {
        StringBuilder citation = new StringBuilder();
        if (!publication.authors().isEmpty()) {
            citation.append(String.join(", ", publication.authors())).append(' ');
        }
        citation.append('(').append(year(publication)).append("). ").append(publication.title());
        if (!publication.title().endsWith(".") && !publication.title().endsWith("?")) {
            citation.append('.');
        }
        citation.append(' ').append(PublicationType.labelOf(publication.type())).append(", version ").append(publication.latestVersion()).append(". ")
                .append(publisher(publication)).append('.');
        if (doi != null) {
            citation.append(" https://doi.org/").append(doi);
        } else if (pageUrl != null) {
            citation.append(' ').append(pageUrl);
        }
        return citation.toString();
    }

    private static String bibtex(Publication publication, String pageUrl, String doi) {
        BibTeXEntry entry = new BibTeXEntry(BibTeXEntry.TYPE_TECHREPORT, new Key("s3cop-" + publication.id().replace('/', '-')));
        entry.addField(BibTeXEntry.KEY_TITLE, new StringValue(publication.title(), StringValue.Style.BRACED));
        if (!publication.authors().isEmpty()) {
            entry.addField(BibTeXEntry.KEY_AUTHOR, new StringValue(String.join(" and ", publication.authors()), StringValue.Style.BRACED));
        }
        entry.addField(BibTeXEntry.KEY_INSTITUTION, new StringValue(publisher(publication), StringValue.Style.BRACED));
        entry.addField(BibTeXEntry.KEY_TYPE, new StringValue(PublicationType.labelOf(publication.type()), StringValue.Style.BRACED));
        entry.addField(BibTeXEntry.KEY_YEAR, new StringValue(year(publication), StringValue.Style.BRACED));
        entry.addField(new Key("date"), new StringValue(publication.date(), StringValue.Style.BRACED));
        entry.addField(new Key("language"), new StringValue(publication.language(), StringValue.Style.BRACED));
        entry.addField(new Key("version"), new StringValue(String.valueOf(publication.latestVersion()), StringValue.Style.BRACED));
        if (!publication.keywords().isEmpty()) {
            entry.addField(new Key("keywords"), new StringValue(String.join(", ", publication.keywords()), StringValue.Style.BRACED));
        }
        if (pageUrl != null) {
            entry.addField(BibTeXEntry.KEY_URL, new StringValue(pageUrl, StringValue.Style.BRACED));
        }
        if (doi != null) {
            entry.addField(BibTeXEntry.KEY_DOI, new StringValue(doi, StringValue.Style.BRACED));
        }
        BibTeXDatabase database = new BibTeXDatabase();
        database.addObject(entry);
        StringWriter out = new StringWriter();
        try {
            new BibTeXFormatter().format(database, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** RIS: one tag a line; a value is one line, so line breaks in a title become spaces. */
    private static String ris(Publication publication, String pageUrl, String doi) {
        List<String> lines = new ArrayList<>();
        lines.add("TY  - RPRT");
        lines.add("TI  - " + oneLine(publication.title()));
        publication.authors().forEach(author -> lines.add("AU  - " + oneLine(author)));
        lines.add("PY  - " + year(publication));
        lines.add("DA  - " + publication.date().replace('-', '/'));
        lines.add("PB  - " + oneLine(publisher(publication)));
        lines.add("M3  - " + PublicationType.labelOf(publication.type()));
        lines.add("LA  - " + publication.language());
        publication.keywords().forEach(keyword -> lines.add("KW  - " + oneLine(keyword)));
        if (!publication.summary().isEmpty()) {
            lines.add("AB  - " + oneLine(publication.summary()));
        }
        if (pageUrl != null) {
            lines.add("UR  - " + pageUrl);
        }
        if (doi != null) {
            lines.add("DO  - " + doi);
        }
        lines.add("ER  - ");
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String cslJson(Publication publication, String pageUrl, String doi) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "s3cop-" + publication.id().replace('/', '-'));
        item.put("type", "report");
        item.put("title", publication.title());
        item.put("author", publication.authors().stream().map(author -> Map.of("literal", author)).toList());
        String[] date = publication.date().split("-");
        item.put("issued", Map.of("date-parts", List.of(java.util.Arrays.stream(date).map(Integer::valueOf).toList())));
        item.put("publisher", publisher(publication));
        item.put("genre", PublicationType.labelOf(publication.type()));
        item.put("language", publication.language());
        item.put("version", String.valueOf(publication.latestVersion()));
        if (!publication.summary().isEmpty()) {
            item.put("abstract", publication.summary());
        }
        if (!publication.keywords().isEmpty()) {
            item.put("keyword", String.join(", ", publication.keywords()));
        }
        if (pageUrl != null) {
            item.put("URL", pageUrl);
        }
        if (doi != null) {
            item.put("DOI", doi);
        }
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(List.of(item));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String year(Publication publication) {
        return publication.date().substring(0, 4);
    }
}
