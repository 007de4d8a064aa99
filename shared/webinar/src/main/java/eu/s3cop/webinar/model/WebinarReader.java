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
            "timezone", "duration", "format", "venue", "description", "speakers", "agenda", "join_url", "registration", "recording_url",
            "status"), List.of("title", "working_group", "starts", "duration"));

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
        Format format = format(read);
        Venue venue = venue(read, format);
        String description = read.text("description", false, 10_000);
        List<Webinar.Speaker> speakers = speakers(read);
        List<Webinar.Session> agenda = AgendaReader.agenda(read, starts, timezone, duration);
        String joinUrl = https(read, "join_url");
        LocalDateTime closes = null;
        int capacity = 0;
        int inPersonCapacity = 0;
        Node registration = read.node("registration", false);
        if (registration instanceof MappingNode registrationFields) {
            YamlFields inner = read.inner(registrationFields, List.of("closes", "capacity", "in_person_capacity"), "registration.");
            closes = dateTime(inner, "closes", false);
            capacity = positive(inner, "capacity");
            inPersonCapacity = positive(inner, "in_person_capacity");
            if (inPersonCapacity > 0 && format != null && format != Format.HYBRID) {
                inner.problem("in_person_capacity", "only a hybrid event has a separate in-person capacity; this one is " + format.word()
                        + ", so capacity alone says how many may come");
            } else if (capacity > 0 && inPersonCapacity > capacity) {
                inner.problem("in_person_capacity", inPersonCapacity + " places in person is more than the capacity of " + capacity
                        + " in all; capacity counts those who come in person too");
            }
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
        if (!problems.isEmpty() || title == null || workingGroup == null || starts == null || timezone == null || duration == null
                || format == null) {
            return new Outcome.Rejected<>(problems);
        }
        return new Outcome.Accepted<>(new Webinar(id, title, workingGroup, starts, timezone, duration, description == null ? "" : description,
                speakers, format, venue, agenda, joinUrl == null ? "" : joinUrl, closes, capacity, inPersonCapacity,
                recordingUrl == null ? "" : recordingUrl, "cancelled".equals(status)));
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

    /** The event's format: online when the line is left out, so a file written before formats existed means what it meant. */
    private static Format format(YamlFields read) {
        if (!read.has("format")) {
            return Format.ONLINE;
        }
        Format format = read.choice("format", false, Format::of, Format.WORDS);
        if (format == null && !read.hasProblem("format")) {
            // "format:" with nothing after it reads as null in YAML, which choice() passes over in silence.
            read.problem("format", "is empty: give " + Format.WORDS + ", or leave the line out for online");
        }
        return format;
    }

    /** The venue, required for an event in a room and refused for one online; null when there is none or it has problems. */
    private static Venue venue(YamlFields read, Format format) {
        Node node = read.node("venue", false);
        if (node == null) {
            if (format != null && format.inPerson()) {
                Node formatLine = read.node("format", false);
                read.invalid("venue", formatLine, "missing: " + format.word() + " events need a venue such as "
                        + "{name: ..., address: ..., city: Barcelona, country: ES}");
            }
            return null;
        }
        if (format == Format.ONLINE) {
            read.problem("venue", "an online event has no venue; set format: in-person or hybrid, or leave the venue out");
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            read.problem("venue", "must be a mapping such as {name: ..., address: ..., city: Barcelona, country: ES}");
            return null;
        }
        YamlFields inner = read.inner(mapping, List.of("name", "address", "city", "country"), "venue.");
        String name = inner.text("name", true, 200);
        String address = inner.text("address", false, 300);
        String city = inner.text("city", true, 120);
        String country = inner.text("country", true, 40);
        if (country != null && !Venue.knownCountry(country)) {
            inner.problem("country", "'" + UserText.quote(country) + "' is not an ISO 3166-1 alpha-2 country code: two capital letters such as BE or ES");
            country = null;
        }
        if (name == null || city == null || country == null || format == null) {
            return null;
        }
        return new Venue(name, address == null ? "" : address, city, country);
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
