package eu.s3cop.upload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The {@code name: value} fields of an uploaded YAML text (a draft's front matter, a webinar
 * file), read so that every bad field becomes one problem with its file line and none stops the
 * others from being checked. Reading never throws on bad input: YAML errors, unknown fields and
 * fields given twice are problems too. {@link YamlParser} turns the text into nodes; this class
 * keeps track of which field each node is and on which line, and reads values of each type.
 */
public final class YamlFields {

    /**
     * What a kind of file's fields are.
     *
     * @param what how problems name the whole text, such as "the front matter"
     * @param firstLine the file line the YAML text starts on (2 in a front matter, after its '---')
     * @param names the fields there are, in the order a writer would give them
     * @param atLeast the fields named when the text has none
     */
    public record Form(String what, int firstLine, List<String> names, List<String> atLeast) {
        public Form {
            names = List.copyOf(names);
            atLeast = List.copyOf(atLeast);
        }
    }

    private final Map<String, NodeTuple> fields;
    private final List<Problem> problems;
    private final int firstLine;
    /** How problems name these fields: "" at the top, "speakers." inside a speaker. */
    private final String prefix;
    /** Where a missing field is reported: line 1 at the top, the mapping's own line inside it. */
    private final int missingLine;

    private YamlFields(Map<String, NodeTuple> fields, List<Problem> problems, int firstLine, String prefix, int missingLine) {
        this.fields = fields;
        this.problems = problems;
        this.firstLine = firstLine;
        this.prefix = prefix;
        this.missingLine = missingLine;
    }

    /** The text's fields, or empty when it is not a YAML mapping (a problem says why). */
    public static Optional<YamlFields> read(String yaml, Form form, List<Problem> problems) {
        Optional<Node> parsed = YamlParser.parse(yaml, form, problems);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Node root = parsed.get();
        if (!(root instanceof MappingNode mapping)) {
            problems.add(Problem.atLine(line(root, form.firstLine()), form.what() + " must be a list of 'name: value' fields"));
            return Optional.empty();
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode scalar ? UserText.quote(scalar.getValue()) : "";
            controlCharacter(name, tuple.getValueNode(), form.firstLine()).ifPresent(problems::add);
        }
        return Optional.of(of(mapping, form.names(), "", problems, form.firstLine(), 1));
    }

    /**
     * A control character other than a line break or a tab has no place in any text of an
     * upload: YAML escapes such as "\r" or "\x01" would otherwise reach invites, the feed and
     * the PDF as they are. One problem per field, at the first text that holds one.
     */
    private static Optional<Problem> controlCharacter(String field, Node node, int firstLine) {
        if (node instanceof ScalarNode scalar) {
            OptionalInt found = UserText.controlCharacter(scalar.getValue());
            return found.isEmpty() ? Optional.empty()
                    : Optional.of(Problem.ofField(field, line(node, firstLine), UserText.controlCharacterAdvice(found.getAsInt())));
        }
        List<Node> children = node instanceof SequenceNode sequence ? sequence.getValue()
                : node instanceof MappingNode inner ? inner.getValue().stream().flatMap(tuple -> Stream.of(tuple.getKeyNode(), tuple.getValueNode())).toList()
                : List.of();
        // The depth limit bounds this recursion.
        return children.stream().map(child -> controlCharacter(field, child, firstLine)).flatMap(Optional::stream).findFirst();
    }

    /**
     * The fields of a mapping inside this text, such as a speaker's {@code {name: ..., role: ...}}.
     *
     * @param prefix how problems name its fields, such as {@code speakers.}; a missing one is
     *     reported on the mapping's line
     */
    public YamlFields inner(MappingNode mapping, List<String> names, String prefix) {
        return of(mapping, names, prefix, problems, firstLine, line(mapping, firstLine));
    }

    private static YamlFields of(MappingNode mapping, List<String> names, String prefix, List<Problem> problems, int firstLine,
            int missingLine) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            int line = line(tuple.getKeyNode(), firstLine);
            if (!names.contains(name)) {
                problems.add(Problem.ofField(prefix + UserText.quote(name), line, "unknown field; the fields are " + String.join(", ", names)));
            } else if (fields.containsKey(name)) {
                problems.add(Problem.ofField(prefix + name, line, "given twice; keep one"));
            } else {
                fields.put(name, tuple);
            }
        }
        return new YamlFields(fields, problems, firstLine, prefix, missingLine);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The field's value; null when it is absent or empty, with a problem when it is required. */
    public Node node(String name, boolean required) {
        NodeTuple tuple = fields.get(name);
        if (tuple == null) {
            if (required) {
                problems.add(Problem.ofField(prefix + name, missingLine, "missing: it is required"));
            }
            return null;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            if (required) {
                problems.add(Problem.ofField(prefix + name, line(tuple.getKeyNode()), "is empty: it is required"));
            }
            return null;
        }
        return value;
    }

    /** One line of text of at most {@code maxLength} characters, stripped. */
    public String text(String name, boolean required, int maxLength) {
        Node node = node(name, required);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            return invalid(name, node, "must be text, not a list or a mapping");
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            return blank(name, node, required);
        }
        if (value.length() > maxLength) {
            return invalid(name, node, "is " + value.length() + " characters long; at most " + maxLength);
        }
        return value;
    }

    /** One of a fixed set of codes, parsed; {@code allowed} lists them for the problem. */
    public <T> T choice(String name, boolean required, Function<String, Optional<T>> parse, String allowed) {
        Node node = node(name, required);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            return invalid(name, node, "must be one of: " + allowed);
        }
        if (scalar.getValue().isBlank()) {
            return blank(name, node, required);
        }
        Optional<T> value = parse.apply(scalar.getValue().strip());
        if (value.isEmpty()) {
            return invalid(name, node, "'" + UserText.quote(scalar.getValue()) + "' is not one of: " + allowed);
        }
        return value.get();
    }

    /** A list of short texts, or one text as a list of one; an empty list is none. */
    public List<String> list(String name, boolean required, int maxItemLength, int maxItems) {
        Node node = node(name, required);
        if (node == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (node instanceof ScalarNode scalar) {
            if (scalar.getValue().isBlank()) {
                return blank(name, node, required);
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
            if (required) {
                problems.add(Problem.ofField(prefix + name, line(node), "is empty: it is required"));
            }
            return null;
        }
        if (items.size() > maxItems) {
            return invalid(name, node, "has " + items.size() + " entries; at most " + maxItems);
        }
        for (String item : items) {
            if (item.length() > maxItemLength) {
                return invalid(name, node, "'" + UserText.quote(item) + "' is longer than " + maxItemLength + " characters");
            }
        }
        return items;
    }

    /** Adds a problem of the field at its value's line (line 1 when the field is absent). */
    public void problem(String name, String message) {
        NodeTuple tuple = fields.get(name);
        problems.add(Problem.ofField(prefix + name, tuple == null ? missingLine : line(tuple.getValueNode()), message));
    }

    /** Adds a problem of the field at the node's line, and gives null for the caller to return. */
    public <T> T invalid(String name, Node node, String message) {
        problems.add(Problem.ofField(prefix + name, line(node), message));
        return null;
    }

    /** Whether a problem names this field already. */
    public boolean hasProblem(String name) {
        return problems.stream().anyMatch(problem -> (prefix + name).equals(problem.field()));
    }

    /** The 1-based file line a node starts on. */
    public int line(Node node) {
        return line(node, firstLine);
    }

    private static int line(Node node, int firstLine) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + firstLine;
    }

    private <T> T blank(String name, Node node, boolean required) {
        return invalid(name, node, required ? "is empty: it is required" : "is empty: give a value or leave the line out");
    }
}
