package eu.s3cop.draft;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

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
            "title", "type", "working_group", "authors", "date", "language", "summary", "keywords", "status");
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

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

    FrontMatter read(String[] lines, int closingIndex, List<Problem> problems) {
        String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, closingIndex));
        if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
            problems.add(Problem.atLine(2, "the front matter is " + yaml.length() + " characters long; keep it under "
                    + MAX_FRONT_MATTER_CHARS + " (the text goes after the closing '---')"));
            return null;
        }
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel("front matter")
                    .setSchema(new CoreSchema())
                    .setMaxAliasesForCollections(10)
                    .setAllowRecursiveKeys(false)
                    .setCodePointLimit(MAX_FRONT_MATTER_CHARS * 2)
                    // The whole text in one buffer: snakeyaml-engine 2.10 fails on an emoji whose
                    // two UTF-16 halves straddle a buffer boundary (found by DraftFuzzTest).
                    .setBufferSize(yaml.length() + 2)
                    .build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
            Optional<Node> node = composer.getSingleNode();
            if (node.isEmpty()) {
                problems.add(Problem.atLine(2, "the front matter is empty: give at least title, type, working_group, authors and date"));
                return null;
            }
            root = node.get();
        } catch (MarkedYamlEngineException e) {
            // Point at where the broken construct starts (an unclosed list, say), and say where the parser noticed.
            int noticed = e.getProblemMark().map(mark -> mark.getLine() + 2).orElse(2);
            int line = e.getContextMark().map(mark -> mark.getLine() + 2).orElse(noticed);
            String where = line == noticed ? "" : "; noticed on line " + noticed;
            problems.add(Problem.atLine(line, "the front matter is not valid YAML: " + Text.clean(e.getProblem()) + where
                    + " (write each field as 'name: value', lists as [a, b])"));
            return null;
        } catch (YamlEngineException e) {
            problems.add(Problem.atLine(2, "the front matter is not valid YAML: " + Text.clean(e.getMessage())));
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(Problem.atLine(line(root), "the front matter must be a list of 'name: value' fields"));
            return null;
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            int line = line(tuple.getKeyNode());
            if (!FIELDS.contains(name)) {
                problems.add(Problem.ofField(Text.quote(name), line, "unknown field; the fields are " + String.join(", ", FIELDS)));
            } else if (fields.containsKey(name)) {
                problems.add(Problem.ofField(name, line, "given twice; keep one"));
            } else {
                fields.put(name, tuple);
            }
        }
        Fields read = new Fields(fields, problems);
        String title = read.text("title", true, 200);
        PublicationType type = read.choice("type", true, PublicationType::fromCode, PublicationType.codes());
        String workingGroup = read.choice("working_group", true,
                code -> rules.workingGroups().contains(code) ? Optional.of(code) : Optional.empty(),
                String.join(", ", rules.workingGroups().stream().sorted().toList()));
        List<String> authors = read.list("authors", true, 100, 50);
        LocalDate date = read.date("date");
        String language = read.choice("language", false,
                code -> EU_LANGUAGES.contains(code) ? Optional.of(code) : Optional.empty(),
                "an EU official language code such as en, fr, de, el, bg or pl");
        String summary = read.text("summary", false, 1500);
        List<String> keywords = read.list("keywords", false, 60, 20);
        String status = read.choice("status", false,
                code -> code.equals("final") || code.equals("draft") ? Optional.of(code) : Optional.empty(), "final, draft");
        if (title == null || type == null || workingGroup == null || authors == null || date == null) {
            return null;
        }
        return new FrontMatter(title, type, workingGroup, authors, date, language == null ? "en" : language,
                summary == null ? "" : summary, keywords == null ? List.of() : keywords, "draft".equals(status));
    }

    /** Reads the front matter's fields, adding a problem for each bad one. */
    private record Fields(Map<String, NodeTuple> fields, List<Problem> problems) {

        String text(String name, boolean required, int maxLength) {
            Node node = value(name, required);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                problems.add(Problem.ofField(name, line(node), "must be text, not a list or a mapping"));
                return null;
            }
            String value = scalar.getValue().strip();
            if (value.isEmpty()) {
                return empty(name, node, required);
            }
            if (value.length() > maxLength) {
                problems.add(Problem.ofField(name, line(node), "is " + value.length() + " characters long; at most " + maxLength));
                return null;
            }
            return value;
        }

        <T> T choice(String name, boolean required, Function<String, Optional<T>> parse, String allowed) {
            Node node = value(name, required);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                return node instanceof ScalarNode ? empty(name, node, required) : invalid(name, node, "must be one of: " + allowed);
            }
            Optional<T> value = parse.apply(scalar.getValue().strip());
            if (value.isEmpty()) {
                return invalid(name, node, "'" + Text.quote(scalar.getValue()) + "' is not one of: " + allowed);
            }
            return value.get();
        }

        List<String> list(String name, boolean required, int maxItemLength, int maxItems) {
            Node node = value(name, required);
            if (node == null) {
                return null;
            }
            List<String> items = new ArrayList<>();
            if (node instanceof ScalarNode scalar) {
                if (scalar.getValue().isBlank()) {
                    return empty(name, node, required);
                }
                items.add(scalar.getValue().strip());
            } else if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                        return invalid(name, item, "each entry must be a non-empty name or word");
                    }
                    items.add(scalar.getValue().strip());
                }
            } else {
                return invalid(name, node, "must be a list such as [First Author, Second Author]");
            }
            if (items.isEmpty()) {
                return empty(name, node, required);
            }
            if (items.size() > maxItems) {
                return invalid(name, node, "has " + items.size() + " entries; at most " + maxItems);
            }
            for (String item : items) {
                if (item.length() > maxItemLength) {
                    return invalid(name, node, "'" + Text.quote(item) + "' is longer than " + maxItemLength + " characters");
                }
            }
            return items;
        }

        LocalDate date(String name) {
            Node node = value(name, true);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                return node instanceof ScalarNode ? empty(name, node, true) : invalid(name, node, "must be a date such as 2024-05-23");
            }
            String value = scalar.getValue().strip();
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return invalid(name, node, "'" + Text.quote(value) + "' is not a date in the form YYYY-MM-DD, such as 2024-05-23");
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return invalid(name, node, "'" + value + "' is not a real calendar date; use YYYY-MM-DD, such as 2024-05-23");
            }
        }

        private Node value(String name, boolean required) {
            NodeTuple tuple = fields.get(name);
            if (tuple == null) {
                if (required) {
                    problems.add(Problem.ofField(name, 1, "missing: it is required"));
                }
                return null;
            }
            Node value = tuple.getValueNode();
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) && required) {
                problems.add(Problem.ofField(name, line(tuple.getKeyNode()), "is empty: it is required"));
                return null;
            }
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
                return null;
            }
            return value;
        }

        private <T> T empty(String name, Node node, boolean required) {
            if (required) {
                problems.add(Problem.ofField(name, line(node), "is empty: it is required"));
            }
            return null;
        }

        private <T> T invalid(String name, Node node, String message) {
            problems.add(Problem.ofField(name, line(node), message));
            return null;
        }
    }

    /** The 1-based file line of a front-matter node (the front matter starts on line 2). */
    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + 2;
    }
}
