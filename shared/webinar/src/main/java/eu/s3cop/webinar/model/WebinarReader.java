package eu.s3cop.webinar.model;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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

/** Reads a webinar file and checks every field at once, each problem with its line. Never throws on bad input. */
public final class WebinarReader {

    public static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}");
    public static final int MAX_BYTES = 256 * 1024;
    private static final List<String> FIELDS = List.of("title", "working_group", "starts", "timezone", "duration", "description",
            "speakers", "join_url", "registration", "recording_url", "status");

    /** What reading gives: a webinar or its problems. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(Webinar webinar) implements Outcome {
    }

    public record Rejected(List<Problem> problems) implements Outcome {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    private final Set<String> workingGroups;

    public WebinarReader(List<String> workingGroups) {
        this.workingGroups = Set.copyOf(workingGroups);
    }

    /** @param id the webinar's id, the file name without .yaml or .yml */
    public Outcome read(String id, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            problems.add(new Problem(null, 0, "the file name gives the id '" + clean(id) + "': use 1 to 80 lower-case letters, digits and hyphens"));
        }
        if (content.length == 0) {
            problems.add(new Problem(null, 0, "the file is empty: give at least title, working_group, starts and duration"));
            return new Rejected(problems);
        }
        if (content.length > MAX_BYTES) {
            problems.add(new Problem(null, 0, "the file is " + content.length + " bytes; a webinar file is at most " + MAX_BYTES + " bytes"));
            return new Rejected(problems);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(null, 0, "the file is not UTF-8 text: save it with the UTF-8 encoding"));
            return new Rejected(problems);
        }
        if (text.indexOf('\0') >= 0) {
            problems.add(new Problem(null, 0, "the file holds binary data, not YAML text"));
            return new Rejected(problems);
        }
        Node root;
        try {
            // The whole text in one buffer: snakeyaml-engine 2.10 fails on an emoji whose two UTF-16
            // halves straddle a buffer boundary (found by WebinarFileFuzzTest).
            LoadSettings settings = LoadSettings.builder().setLabel(id).setSchema(new CoreSchema())
                    .setMaxAliasesForCollections(10).setAllowRecursiveKeys(false).setBufferSize(text.length() + 2).build();
            Optional<Node> node = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text.startsWith("\uFEFF") ? text.substring(1) : text)))
                    .getSingleNode();
            if (node.isEmpty()) {
                problems.add(new Problem(null, 1, "the file has no fields: give at least title, working_group, starts and duration"));
                return new Rejected(problems);
            }
            root = node.get();
        } catch (MarkedYamlEngineException e) {
            int noticed = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(1);
            int line = e.getContextMark().map(mark -> mark.getLine() + 1).orElse(noticed);
            problems.add(new Problem(null, line, "not valid YAML: " + clean(e.getProblem()) + (line == noticed ? "" : "; noticed on line " + noticed)));
            return new Rejected(problems);
        } catch (YamlEngineException e) {
            problems.add(new Problem(null, 1, "not valid YAML: " + clean(e.getMessage())));
            return new Rejected(problems);
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new Problem(null, line(root), "a webinar file is a list of 'name: value' fields"));
            return new Rejected(problems);
        }
        Map<String, NodeTuple> fields = fields(mapping, problems);
        Fields read = new Fields(fields, problems);
        String title = read.text("title", true, 300);
        String workingGroup = read.text("working_group", true, 60);
        if (workingGroup != null && !workingGroups.contains(workingGroup)) {
            read.problem("working_group", "'" + clean(workingGroup) + "' is not a working group; use one of " + String.join(", ", workingGroups.stream().sorted().toList()));
            workingGroup = null;
        }
        LocalDateTime starts = read.dateTime("starts", true);
        ZoneId timezone = read.timezone();
        Duration duration = read.duration();
        String description = read.text("description", false, 10_000);
        List<Webinar.Speaker> speakers = read.speakers();
        String joinUrl = read.https("join_url");
        LocalDateTime closes = null;
        int capacity = 0;
        Node registration = read.node("registration", false);
        if (registration instanceof MappingNode registrationFields) {
            Fields inner = new Fields(fields(registrationFields, problems, List.of("closes", "capacity"), "registration."), problems);
            closes = inner.dateTime("closes", false);
            capacity = inner.positive("capacity");
        } else if (registration != null) {
            read.problem("registration", "must be a mapping such as {closes: 2024-05-22T18:00, capacity: 500}");
        }
        String recordingUrl = read.https("recording_url");
        String status = read.text("status", false, 20);
        if (status != null && !status.equals("scheduled") && !status.equals("cancelled")) {
            read.problem("status", "'" + clean(status) + "' is not scheduled or cancelled");
        }
        if (starts != null && timezone != null && closes != null && closes.atZone(timezone).isAfter(starts.atZone(timezone))) {
            read.problem("registration", "registration closes after the webinar starts; close it before " + starts);
        }
        if (!problems.isEmpty() || title == null || workingGroup == null || starts == null || timezone == null || duration == null) {
            return new Rejected(problems);
        }
        return new Accepted(new Webinar(id, title, workingGroup, starts, timezone, duration, description == null ? "" : description,
                speakers, joinUrl == null ? "" : joinUrl, closes, capacity, recordingUrl == null ? "" : recordingUrl, "cancelled".equals(status)));
    }

    private static Map<String, NodeTuple> fields(MappingNode mapping, List<Problem> problems) {
        return fields(mapping, problems, FIELDS, "");
    }

    private static Map<String, NodeTuple> fields(MappingNode mapping, List<Problem> problems, List<String> known, String prefix) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            if (!known.contains(name)) {
                problems.add(new Problem(prefix + clean(name), line(tuple.getKeyNode()), "unknown field; the fields are " + String.join(", ", known)));
            } else if (fields.containsKey(name)) {
                problems.add(new Problem(prefix + name, line(tuple.getKeyNode()), "given twice; keep one"));
            } else {
                fields.put(name, tuple);
            }
        }
        return fields;
    }

    /** Reads fields, one problem per bad one. */
    private record Fields(Map<String, NodeTuple> fields, List<Problem> problems) {

        Node node(String name, boolean required) {
            NodeTuple tuple = fields.get(name);
            if (tuple == null || tuple.getValueNode() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
                if (required) {
                    problems.add(new Problem(name, tuple == null ? 1 : line(tuple.getKeyNode()), tuple == null ? "missing: it is required" : "is empty: it is required"));
                }
                return null;
            }
            return tuple.getValueNode();
        }

        void problem(String name, String message) {
            NodeTuple tuple = fields.get(name);
            problems.add(new Problem(name, tuple == null ? 1 : line(tuple.getValueNode()), message));
        }

        String text(String name, boolean required, int max) {
            Node node = node(name, required);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                problems.add(new Problem(name, line(node), node instanceof ScalarNode ? "is empty" : "must be text"));
                return null;
            }
            String value = scalar.getValue().strip();
            if (value.length() > max) {
                problems.add(new Problem(name, line(node), "is " + value.length() + " characters long; at most " + max));
                return null;
            }
            return value;
        }

        LocalDateTime dateTime(String name, boolean required) {
            String value = text(name, required, 40);
            if (value == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                problem(name, "'" + clean(value) + "' is not a local date and time such as 2024-05-23T10:00");
                return null;
            }
        }

        ZoneId timezone() {
            String value = text("timezone", false, 60);
            if (value == null) {
                if (!fields.containsKey("timezone")) {
                    return ZoneId.of("Europe/Brussels");
                }
                if (problems.stream().noneMatch(problem -> "timezone".equals(problem.field()))) {
                    // "timezone:" with nothing after it (or only a comment) reads as null in YAML.
                    problem("timezone", "is empty: name an IANA time zone such as Europe/Brussels, or leave the line out for Europe/Brussels");
                }
                return null;
            }
            try {
                if (!value.contains("/")) {
                    throw new DateTimeException("not a region");
                }
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                problem("timezone", "'" + clean(value) + "' is not an IANA time zone such as Europe/Brussels");
                return null;
            }
        }

        Duration duration() {
            String value = text("duration", true, 20);
            if (value == null) {
                return null;
            }
            try {
                Duration duration = Duration.parse(value);
                if (!Webinar.allowedDuration(duration)) {
                    problem("duration", value + " is outside " + Webinar.ALLOWED_DURATIONS);
                    return null;
                }
                return duration;
            } catch (DateTimeParseException e) {
                problem("duration", "'" + clean(value) + "' is not an ISO-8601 duration such as PT90M");
                return null;
            }
        }

        String https(String name) {
            String value = text(name, false, 2000);
            if (value == null) {
                return null;
            }
            try {
                URI uri = new URI(value);
                if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    throw new java.net.URISyntaxException(value, "not https");
                }
                return value;
            } catch (java.net.URISyntaxException e) {
                problem(name, "must be an https:// address");
                return null;
            }
        }

        int positive(String name) {
            String value = text(name, false, 9);
            if (value == null) {
                return 0;
            }
            if (!value.matches("[1-9][0-9]{0,6}")) {
                problem(name, "'" + clean(value) + "' is not a whole number of places such as 500");
                return 0;
            }
            return Integer.parseInt(value);
        }

        List<Webinar.Speaker> speakers() {
            Node node = node("speakers", false);
            List<Webinar.Speaker> speakers = new ArrayList<>();
            if (node == null) {
                return speakers;
            }
            if (!(node instanceof SequenceNode sequence)) {
                problem("speakers", "must be a list such as [{name: Alison Hunter, role: Rapporteur}]");
                return speakers;
            }
            for (Node item : sequence.getValue()) {
                if (!(item instanceof MappingNode speaker)) {
                    problems.add(new Problem("speakers", line(item), "each speaker is {name: ..., role: ...}"));
                    continue;
                }
                Fields inner = new Fields(WebinarReader.fields(speaker, problems, List.of("name", "role"), "speakers."), problems);
                String name = inner.text("name", true, 120);
                String role = inner.text("role", false, 120);
                if (name != null) {
                    speakers.add(new Webinar.Speaker(name, role == null ? "" : role));
                }
            }
            return speakers;
        }
    }

    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }

    private static String clean(String value) {
        String clean = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
