package eu.s3cop.webinar.model;

import eu.s3cop.upload.UserText;
import eu.s3cop.upload.YamlFields;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The agenda of a webinar file, for {@link WebinarReader}: its sessions checked against the
 * event's times, each problem with its line.
 */
final class AgendaReader {

    /** Enough for a day of short sessions; what a page's agenda can still show as one table. */
    static final int MAX_SESSIONS = 50;
    static final int MAX_SESSION_SPEAKERS = 20;
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9]");

    private AgendaReader() {
    }

    /**
     * The agenda's sessions, each within the event's start and end on its day and listed in the
     * order they start; sessions may overlap, as parallel ones do.
     */
    static List<Webinar.Session> agenda(YamlFields read, LocalDateTime starts, ZoneId timezone, Duration duration) {
        Node node = read.node("agenda", false);
        List<Webinar.Session> agenda = new ArrayList<>();
        if (node == null) {
            return agenda;
        }
        if (!(node instanceof SequenceNode sequence)) {
            read.problem("agenda", "must be a list such as [{starts: 09:30, ends: 10:00, title: Welcome}]");
            return agenda;
        }
        if (sequence.getValue().size() > MAX_SESSIONS) {
            read.problem("agenda", "has " + sequence.getValue().size() + " sessions; at most " + MAX_SESSIONS);
            return agenda;
        }
        boolean known = starts != null && timezone != null && duration != null;
        Instant eventStart = known ? starts.atZone(timezone).toInstant() : null;
        Instant eventEnd = known ? eventStart.plus(duration) : null;
        LocalTime previous = null;
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode session)) {
                read.invalid("agenda", item, "each session is {starts: 09:30, ends: 10:00, title: ..., speakers: [...]}");
                continue;
            }
            YamlFields inner = read.inner(session, List.of("starts", "ends", "title", "speakers"), "agenda.");
            LocalTime from = timeOfDay(inner, "starts");
            LocalTime to = timeOfDay(inner, "ends");
            String title = inner.text("title", true, 300);
            List<String> speakers = inner.list("speakers", false, 120, MAX_SESSION_SPEAKERS);
            if (from != null && previous != null && from.isBefore(previous)) {
                inner.problem("starts", "starts at " + from + ", before the session above it (" + previous + "); list the sessions in the order they start");
            }
            if (from != null) {
                previous = from;
            }
            if (from != null && to != null && !to.isAfter(from)) {
                inner.problem("ends", "ends at " + to + ", not after it starts at " + from);
                continue;
            }
            if (known && from != null && starts.toLocalDate().atTime(from).atZone(timezone).toInstant().isBefore(eventStart)) {
                inner.problem("starts", from + " is before the event starts at " + starts.toLocalTime());
                from = null;
            }
            if (known && to != null && starts.toLocalDate().atTime(to).atZone(timezone).toInstant().isAfter(eventEnd)) {
                inner.problem("ends", to + " is after the event ends at " + eventEnd.atZone(timezone).toLocalTime());
                to = null;
            }
            if (from != null && to != null && title != null) {
                agenda.add(new Webinar.Session(from, to, title, speakers == null ? List.of() : speakers));
            }
        }
        return agenda;
    }

    /** A time of day such as 09:30, in the event's local time. */
    private static LocalTime timeOfDay(YamlFields read, String name) {
        String value = read.text(name, true, 10);
        if (value == null) {
            return null;
        }
        if (!TIME_OF_DAY.matcher(value).matches()) {
            read.problem(name, "'" + UserText.quote(value) + "' is not a time of day such as 09:30");
            return null;
        }
        return LocalTime.parse(value.length() == 4 ? "0" + value : value);
    }
}
