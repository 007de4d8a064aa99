package eu.s3cop.groups;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.TextFile;
import eu.s3cop.upload.UserText;
import eu.s3cop.upload.YamlFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a working group's registry file and checks every field at once, each problem with its
 * line. Never throws on bad input. The file's name says which group it is: the secretariat
 * alone may write under {@code working-groups/}, so where the file is gives it its authority.
 */
public final class RegistryReader {

    public static final int MAX_BYTES = 128 * 1024;
    /** The Markdown texts: a few paragraphs or a list each. */
    static final int MAX_TEXT = 10_000;
    static final int MAX_MEMBERS = 500;
    static final int MAX_MEETINGS = 100;
    static final int MAX_OUTPUTS = 30;
    private static final YamlFields.Form FORM = new YamlFields.Form("the file", 1, List.of("objective", "approach", "main_focus",
            "leader", "chair", "rapporteur", "members", "meetings", "expected_outputs"), List.of("objective", "members"));

    private final List<String> workingGroups;

    public RegistryReader(List<String> workingGroups) {
        this.workingGroups = List.copyOf(workingGroups);
    }

    /** @param workingGroup the group the file is named after, {@code working-groups/<wg>.yaml} */
    public Outcome<WorkingGroupRegistry> read(String workingGroup, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        if (!workingGroups.contains(workingGroup)) {
            problems.add(Problem.ofFile("the file name says '" + UserText.quote(workingGroup) + "', which is not a working group; name the file "
                    + "after its group: " + String.join(", ", workingGroups.stream().map(group -> "working-groups/" + group + ".yaml").toList())));
        }
        if (content.length == 0) {
            problems.add(Problem.ofFile("the file is empty: give at least objective or members"));
            return new Outcome.Rejected<>(problems);
        }
        if (content.length > MAX_BYTES) {
            problems.add(Problem.ofFile("the file is " + content.length + " bytes; a registry file is at most " + MAX_BYTES + " bytes"));
            return new Outcome.Rejected<>(problems);
        }
        Optional<YamlFields> fields = TextFile.decode(content, "YAML", problems).flatMap(text -> YamlFields.read(text, FORM, problems));
        if (fields.isEmpty()) {
            return new Outcome.Rejected<>(problems);
        }
        YamlFields read = fields.get();
        String objective = read.text("objective", false, MAX_TEXT);
        String approach = read.text("approach", false, MAX_TEXT);
        String mainFocus = read.text("main_focus", false, MAX_TEXT);
        WorkingGroupRegistry.Person leader = role(read, "leader");
        WorkingGroupRegistry.Person chair = role(read, "chair");
        WorkingGroupRegistry.Person rapporteur = role(read, "rapporteur");
        List<WorkingGroupRegistry.Person> members = members(read);
        List<WorkingGroupRegistry.Meeting> meetings = meetings(read);
        List<String> outputs = read.list("expected_outputs", false, 200, MAX_OUTPUTS);
        if (!problems.isEmpty()) {
            return new Outcome.Rejected<>(problems);
        }
        return new Outcome.Accepted<>(new WorkingGroupRegistry(workingGroup, orEmpty(objective), orEmpty(approach), orEmpty(mainFocus),
                leader, chair, rapporteur, members, meetings, outputs == null ? List.of() : outputs));
    }

    /** A role's holder: a name alone, or {name: ..., country: ...}. */
    private static WorkingGroupRegistry.Person role(YamlFields read, String field) {
        Node node = read.node(field, false);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode) {
            String name = read.text(field, false, 120);
            return name == null ? null : new WorkingGroupRegistry.Person(name, "");
        }
        if (!(node instanceof MappingNode mapping)) {
            return read.invalid(field, node, "must be a name, or {name: Santiago Donat, country: Spain}");
        }
        return person(read, field, mapping, false);
    }

    private static WorkingGroupRegistry.Person person(YamlFields read, String field, MappingNode mapping, boolean countryRequired) {
        YamlFields inner = read.inner(mapping, List.of("name", "country"), field + ".");
        String name = inner.text("name", true, 120);
        String country = inner.text("country", countryRequired, 60);
        return name == null || (countryRequired && country == null) ? null : new WorkingGroupRegistry.Person(name, orEmpty(country));
    }

    /** The members, each with a country (the page groups them by it), none listed twice. */
    private static List<WorkingGroupRegistry.Person> members(YamlFields read) {
        Map<String, Integer> seen = new HashMap<>();
        return entries(read, "members", MAX_MEMBERS, "{name: Sofia Karveli, country: Greece}", (mapping, line) -> {
            WorkingGroupRegistry.Person member = person(read, "members", mapping, true);
            if (member == null) {
                return null;
            }
            Integer first = seen.putIfAbsent(member.name().toLowerCase(Locale.ROOT), line);
            return first == null ? member
                    : read.invalid("members", mapping, "'" + UserText.quote(member.name()) + "' is listed twice (first on line " + first + "); keep one");
        });
    }

    private static List<WorkingGroupRegistry.Meeting> meetings(YamlFields read) {
        return entries(read, "meetings", MAX_MEETINGS, "{date: 2023-09, title: 1st working group meeting}", (mapping, line) -> {
            YamlFields inner = read.inner(mapping, List.of("date", "title"), "meetings.");
            String date = inner.text("date", true, 10);
            String title = inner.text("title", true, 200);
            if (date != null && WorkingGroupRegistry.Meeting.shown(date).isEmpty()) {
                return inner.invalid("date", mapping, "'" + UserText.quote(date) + "' is not a year, month or day such as 2024, 2023-09 or 2023-06-08");
            }
            return date == null || title == null ? null : new WorkingGroupRegistry.Meeting(date, title);
        });
    }

    /** A list of mappings, each read by {@code entry} (which gives null for one with problems); none when absent. */
    private static <T> List<T> entries(YamlFields read, String field, int max, String example, BiFunction<MappingNode, Integer, T> entry) {
        Node node = read.node(field, false);
        List<T> entries = new ArrayList<>();
        if (node == null) {
            return entries;
        }
        if (!(node instanceof SequenceNode sequence)) {
            read.invalid(field, node, "must be a list, one entry per line such as '  - " + example + "'");
            return entries;
        }
        if (sequence.getValue().size() > max) {
            read.invalid(field, node, "has " + sequence.getValue().size() + " entries; at most " + max);
            return entries;
        }
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                read.invalid(field, item, "each entry is " + example);
                continue;
            }
            T value = entry.apply(mapping, read.line(mapping));
            if (value != null) {
                entries.add(value);
            }
        }
        return entries;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
