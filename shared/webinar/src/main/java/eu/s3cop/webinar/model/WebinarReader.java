package eu.s3cop.webinar.model;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.TextFile;
import eu.s3cop.upload.UserText;
import eu.s3cop.upload.YamlFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads a webinar file and checks every field at once, each problem with its line. Never throws on bad input. */
public final class WebinarReader {

    public static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}");
    public static final int MAX_BYTES = 256 * 1024;
    private static final YamlFields.Form FORM = new YamlFields.Form("the file", 1, List.of("title", "working_group", "starts",
            "timezone", "duration", "description", "speakers", "join_url", "registration", "recording_url", "status"),
            List.of("title", "working_group", "starts", "duration"));

    private final Set<String> workingGroups;

    public WebinarReader(List<String> workingGroups) {
        this.workingGroups = Set.copyOf(workingGroups);
    }

    /** @param id the webinar's id, the file name without .yaml or .yml */
    public Outcome<Webinar> read(String id, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            problems.add(Problem.ofFile("the file name gives the id '" + UserText.quote(id) + "': use 1 to 80 lower-case letters, digits and hyphens"));
        }
        if (content.length == 0) {
            problems.add(Problem.ofFile("the file is empty: give at least title, working_group, starts and duration"));
            return new Outcome.Rejected<>(problems);
        }
        if (content.length > MAX_BYTES) {
            problems.add(Problem.ofFile("the file is " + content.length + " bytes; a webinar file is at most " + MAX_BYTES + " bytes"));
            return new Outcome.Rejected<>(problems);
        }
        Optional<YamlFields> fields = TextFile.decode(content, "YAML", problems).flatMap(text -> YamlFields.read(text, FORM, problems));
        if (fields.isEmpty()) {
            return new Outcome.Rejected<>(problems);
        }
        YamlFields read = fields.get();
        String title = read.text("title", true, 300);
        String workingGroup = read.text("working_group", true, 60);
        if (workingGroup != null && !workingGroups.contains(workingGroup)) {
            read.problem("working_group", "'" + UserText.quote(workingGroup) + "' is not a working group; use one of "
                    + String.join(", ", workingGroups.stream().sorted().toList()));
            workingGroup = null;
        }
        LocalDateTime starts = dateTime(read, "starts", true);
        ZoneId timezone = timezone(read);
        Duration duration = duration(read);
        String description = read.text("description", false, 10_000);
        List<Webinar.Speaker> speakers = speakers(read);
        String joinUrl = https(read, "join_url");
        LocalDateTime closes = null;
        int capacity = 0;
        Node registration = read.node("registration", false);
        if (registration instanceof MappingNode registrationFields) {
            YamlFields inner = read.inner(registrationFields, List.of("closes", "capacity"), "registration.");
            closes = dateTime(inner, "closes", false);
            capacity = positive(inner, "capacity");
        } else if (registration != null) {
            read.problem("registration", "must be a mapping such as {closes: 2024-05-22T18:00, capacity: 500}");
        }
        String recordingUrl = https(read, "recording_url");
        String status = read.text("status", false, 20);
        if (status != null && !status.equals("scheduled") && !status.equals("cancelled")) {
            read.problem("status", "'" + UserText.quote(status) + "' is not scheduled or cancelled");
        }
        if (starts != null && timezone != null && closes != null && closes.atZone(timezone).isAfter(starts.atZone(timezone))) {
            read.problem("registration", "registration closes after the webinar starts; close it before " + starts);
        }
        if (!problems.isEmpty() || title == null || workingGroup == null || starts == null || timezone == null || duration == null) {
            return new Outcome.Rejected<>(problems);
        }
        return new Outcome.Accepted<>(new Webinar(id, title, workingGroup, starts, timezone, duration, description == null ? "" : description,
                speakers, joinUrl == null ? "" : joinUrl, closes, capacity, recordingUrl == null ? "" : recordingUrl, "cancelled".equals(status)));
    }

    private static LocalDateTime dateTime(YamlFields read, String name, boolean required) {
        String value = read.text(name, required, 40);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            read.problem(name, "'" + UserText.quote(value) + "' is not a local date and time such as 2024-05-23T10:00");
            return null;
        }
    }

    private static ZoneId timezone(YamlFields read) {
        String value = read.text("timezone", false, 60);
        if (value == null) {
            if (!read.has("timezone")) {
                return ZoneId.of("Europe/Brussels");
            }
            if (!read.hasProblem("timezone")) {
                // "timezone:" with nothing after it (or only a comment) reads as null in YAML.
                read.problem("timezone", "is empty: name an IANA time zone such as Europe/Brussels, or leave the line out for Europe/Brussels");
            }
            return null;
        }
        try {
            if (!value.contains("/")) {
                throw new DateTimeException("not a region");
            }
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            read.problem("timezone", "'" + UserText.quote(value) + "' is not an IANA time zone such as Europe/Brussels");
            return null;
        }
    }

    private static Duration duration(YamlFields read) {
        String value = read.text("duration", true, 20);
        if (value == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (!Webinar.allowedDuration(duration)) {
                read.problem("duration", value + " is outside " + Webinar.ALLOWED_DURATIONS);
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            read.problem("duration", "'" + UserText.quote(value) + "' is not an ISO-8601 duration such as PT90M");
            return null;
        }
    }

    private static String https(YamlFields read, String name) {
        String value = read.text(name, false, 2000);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // told below, as for any other address that is not https
        }
        read.problem(name, "must be an https:// address");
        return null;
    }

    private static int positive(YamlFields read, String name) {
        String value = read.text(name, false, 9);
        if (value == null) {
            return 0;
        }
        if (!value.matches("[1-9][0-9]{0,6}")) {
            read.problem(name, "'" + UserText.quote(value) + "' is not a whole number of places such as 500");
            return 0;
        }
        return Integer.parseInt(value);
    }

    private static List<Webinar.Speaker> speakers(YamlFields read) {
        Node node = read.node("speakers", false);
        List<Webinar.Speaker> speakers = new ArrayList<>();
        if (node == null) {
            return speakers;
        }
        if (!(node instanceof SequenceNode sequence)) {
            read.problem("speakers", "must be a list such as [{name: Alison Hunter, role: Rapporteur}]");
            return speakers;
        }
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode speaker)) {
                read.invalid("speakers", item, "each speaker is {name: ..., role: ...}");
                continue;
            }
            YamlFields inner = read.inner(speaker, List.of("name", "role"), "speakers.");
            String name = inner.text("name", true, 120);
            String role = inner.text("role", false, 120);
            if (name != null) {
                speakers.add(new Webinar.Speaker(name, role == null ? "" : role));
            }
        }
        return speakers;
    }
}
