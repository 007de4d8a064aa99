package eu.s3cop.draft;

import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UserText;
import eu.s3cop.upload.YamlFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a draft's front matter (the YAML between its first two '---' lines) and checks each
 * field, adding one problem per bad field with the line it is on.
 */
final class FrontMatterReader {

    /** The 24 official languages of the European Union. */
    static final Set<String> EU_LANGUAGES = Set.of(
            "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
            "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv");
    private static final List<String> FIELDS = List.of(
            "title", "type", "working_group", "authors", "date", "language", "summary", "keywords", "status", "translation_of",
            "bibliography", "citation_style", "licence", "working_groups");
    /** A file beside the draft, or in a folder below it: no parent folders, no absolute paths. */
    private static final java.util.regex.Pattern BIBLIOGRAPHY = java.util.regex.Pattern.compile(
            "(?!/)(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9._/-]{1,200}\\.(?:bib|json)");
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
    /** The front matter starts on the draft's line 2, after its '---'. */
    private static final YamlFields.Form FORM = new YamlFields.Form("the front matter", 2, FIELDS,
            List.of("title", "type", "authors", "date"));

    private final DraftRules rules;

    FrontMatterReader(DraftRules rules) {
        this.rules = rules;
    }

    /** The index of the first body line, or 0 when there is no front matter (a problem is added). */
    static int frontMatterEnd(String[] lines, List<Problem> problems) {
        if (!lines[0].strip().equals("---")) {
            problems.add(Problem.atLine(1, "no front matter: a draft starts with a line '---', then its metadata"
                    + " (title, type, working_group, authors, date), then a line '---'"));
            return 0;
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                return i + 1;
            }
        }
        problems.add(Problem.atLine(1, "the front matter is not closed: add a line '---' after the metadata"));
        return 0;
    }

    /**
     * @param key where the draft was uploaded, which must be the folder of the group it names;
     *     null for a file read outside the bucket
     */
    FrontMatter read(String[] lines, int closingIndex, DraftKey key, List<Problem> problems) {
        String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, closingIndex));
        if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
            problems.add(Problem.atLine(2, "the front matter is " + yaml.length() + " characters long; keep it under "
                    + MAX_FRONT_MATTER_CHARS + " (the text goes after the closing '---')"));
            DraftKey.noteIfOutside(key, rules.workingGroups(), problems);
            return null;
        }
        Optional<YamlFields> fields = YamlFields.read(yaml, FORM, problems);
        if (fields.isEmpty()) {
            DraftKey.noteIfOutside(key, rules.workingGroups(), problems);
            return null;
        }
        YamlFields read = fields.get();
        String title = read.text("title", true, 200);
        PublicationType type = read.choice("type", true, PublicationType::fromCode, PublicationType.codes());
        String workingGroup = workingGroup(read, key);
        String misplaced = key == null || workingGroup == null ? null : key.misplaced(workingGroup);
        if (workingGroup == null) {
            DraftKey.noteIfOutside(key, rules.workingGroups(), problems);
        } else if (misplaced != null) {
            read.problem("working_group", misplaced);
        }
        List<String> authors = read.list("authors", true, 100, 50);
        LocalDate date = date(read, "date");
        String language = read.choice("language", false,
                code -> EU_LANGUAGES.contains(code) ? Optional.of(code) : Optional.empty(),
                "an EU official language code such as en, fr, de, el, bg or pl");
        String summary = read.text("summary", false, 1500);
        List<String> keywords = read.list("keywords", false, 60, 20);
        String status = read.choice("status", false,
                code -> code.equals("final") || code.equals("draft") ? Optional.of(code) : Optional.empty(), "final, draft");
        String translationOf = read.text("translation_of", false, 80);
        int translationOfLine = 0;
        if (translationOf != null) {
            translationOfLine = read.line(read.node("translation_of", false));
            String own = key == null ? null : key.fileName().substring(0, key.fileName().length() - ".md".length());
            if (!DraftReader.SLUG.matcher(translationOf).matches()) {
                read.problem("translation_of", "'" + UserText.quote(translationOf) + "' is not a publication's slug: name the original by its"
                        + " file name without .md, such as skills-for-industrial-transition (lower-case letters, digits and hyphens)");
            } else if (translationOf.equals(own)) {
                read.problem("translation_of", "names this draft itself: name the publication of your group that this draft translates");
            }
        }
        FrontMatter.References references = references(read);
        Licence licence = read.choice("licence", false, Licence::of, Licence.ids());
        List<String> speaksFor = speaksFor(read, workingGroup);
        if (title == null || type == null || workingGroup == null || authors == null || date == null) {
            return null;
        }
        return new FrontMatter(title, type, workingGroup, authors, date, language == null ? "en" : language,
                summary == null ? "" : summary, keywords == null ? List.of() : keywords, "draft".equals(status),
                translationOf, translationOfLine, references, licence, speaksFor);
    }

    /**
     * The group a draft names, or the secretariat: a draft in the secretariat's folder, or one that
     * names the groups it speaks for, is the secretariat's, and may leave {@code working_group} out.
     */
    private String workingGroup(YamlFields read, DraftKey key) {
        String secretariat = WorkingGroupNames.SECRETARIAT;
        String groups = String.join(", ", rules.workingGroups().stream().sorted().toList());
        if (!read.has("working_group") && (key != null && secretariat.equals(key.group()) || read.has("working_groups"))) {
            return secretariat;
        }
        return read.choice("working_group", true,
                code -> rules.workingGroups().contains(code) || code.equals(secretariat) ? Optional.of(code) : Optional.empty(),
                groups + " (or " + secretariat + ", in the secretariat's folder)");
    }

    /** The groups a secretariat's document speaks for: each one the template knows, each once; none for the whole community. */
    private List<String> speaksFor(YamlFields read, String workingGroup) {
        List<String> named = read.list("working_groups", false, 80, 20);
        if (named == null || named.isEmpty()) {
            return List.of();
        }
        if (!WorkingGroupNames.SECRETARIAT.equals(workingGroup)) {
            read.problem("working_groups", "only the secretariat's documents, published from " + DraftKey.PREFIX + WorkingGroupNames.SECRETARIAT
                    + "/, speak for several groups: a group's brief is listed on its own group's page");
            return List.of();
        }
        List<String> unknown = named.stream().filter(group -> !rules.workingGroups().contains(group)).toList();
        if (!unknown.isEmpty()) {
            read.problem("working_groups", "'" + UserText.quote(unknown.get(0)) + "' is not a working group: name some of "
                    + String.join(", ", rules.workingGroups().stream().sorted().toList()) + ", or leave working_groups out for the whole community");
            return List.of();
        }
        if (named.stream().distinct().count() < named.size()) {
            read.problem("working_groups", "names a group twice: name each once");
            return List.of();
        }
        return named;
    }

    private static FrontMatter.References references(YamlFields read) {
        String file = read.text("bibliography", false, 200);
        String style = read.choice("citation_style", false,
                code -> CitationStyles.SHIPPED.contains(code) ? Optional.of(code) : Optional.empty(), String.join(", ", CitationStyles.SHIPPED));
        int styleLine = style == null ? 0 : read.line(read.node("citation_style", false));
        if (file == null) {
            if (style != null) {
                read.problem("citation_style", "names a style but the draft names no bibliography: add 'bibliography: sources.bib'"
                        + " (a BibTeX or CSL-JSON file uploaded beside the draft)");
            }
            return FrontMatter.References.NONE;
        }
        if (!BIBLIOGRAPHY.matcher(file).matches()) {
            read.problem("bibliography", "'" + UserText.quote(file) + "' is not a bibliography file beside the draft: name a BibTeX (.bib)"
                    + " or CSL-JSON (.json) file in the draft's folder, such as sources.bib");
            return FrontMatter.References.NONE;
        }
        return new FrontMatter.References(file, read.line(read.node("bibliography", false)),
                style == null ? CitationStyles.DEFAULT : style, styleLine);
    }

    private static LocalDate date(YamlFields read, String name) {
        Node node = read.node(name, true);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            return read.invalid(name, node, node instanceof ScalarNode ? "is empty: it is required" : "must be a date such as 2024-05-23");
        }
        String value = scalar.getValue().strip();
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return read.invalid(name, node, "'" + UserText.quote(value) + "' is not a date in the form YYYY-MM-DD, such as 2024-05-23");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return read.invalid(name, node, "'" + value + "' is not a real calendar date; use YYYY-MM-DD, such as 2024-05-23");
        }
    }
}
