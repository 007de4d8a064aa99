package eu.s3cop.reader;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * An OAI-PMH request's arguments, read from the query string of a GET or the form of a POST as
 * the protocol defines them: each at most once (a repeated argument is an error, which API
 * Gateway's joined parameters would hide), and for each verb exactly the arguments it takes.
 */
final class OaiRequest {

    /** The verbs, each with its required, optional and exclusive arguments. */
    private record Verb(Set<String> required, Set<String> optional, String exclusive) {
    }

    private static final Map<String, Verb> VERBS = Map.of(
            "Identify", new Verb(Set.of(), Set.of(), null),
            "ListMetadataFormats", new Verb(Set.of(), Set.of("identifier"), null),
            "ListSets", new Verb(Set.of(), Set.of(), "resumptionToken"),
            "GetRecord", new Verb(Set.of("identifier", "metadataPrefix"), Set.of(), null),
            "ListIdentifiers", new Verb(Set.of("metadataPrefix"), Set.of("from", "until", "set"), "resumptionToken"),
            "ListRecords", new Verb(Set.of("metadataPrefix"), Set.of("from", "until", "set"), "resumptionToken"));
    private static final int MAX_LENGTH = 8192;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    /** What a request is: its verb and arguments, or the error it is ({@code badVerb}, {@code badArgument}) with why. */
    record Parsed(String verb, Map<String, String> arguments, String error, String message) {

        boolean failed() {
            return error != null;
        }
    }

    private OaiRequest() {
    }

    /** @param form {@code application/x-www-form-urlencoded} text: the raw query string, or the body of a POST */
    static Parsed parse(String form) {
        if (form != null && form.length() > MAX_LENGTH) {
            return new Parsed(null, Map.of(), "badArgument", "The request is longer than " + MAX_LENGTH + " characters.");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String pair : form == null || form.isEmpty() ? List.<String>of() : List.of(form.split("&", -1))) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return new Parsed(null, Map.of(), "badArgument", "An argument holds a malformed percent-escape.");
            }
            if (arguments.putIfAbsent(name, value) != null) {
                return name.equals("verb") ? new Parsed(null, Map.of(), "badVerb", "The verb is given more than once.")
                        : new Parsed(null, Map.of(), "badArgument", "The argument '" + printable(name) + "' is given more than once.");
            }
        }
        String verbName = arguments.remove("verb");
        Verb verb = verbName == null ? null : VERBS.get(verbName);
        if (verb == null) {
            return new Parsed(null, Map.of(), "badVerb", verbName == null ? "The request names no verb."
                    : "'" + printable(verbName) + "' is not a verb of OAI-PMH 2.0: Identify, ListMetadataFormats, ListSets, GetRecord,"
                            + " ListIdentifiers or ListRecords.");
        }
        for (String name : arguments.keySet()) {
            if (!verb.required().contains(name) && !verb.optional().contains(name) && !name.equals(verb.exclusive())) {
                return new Parsed(null, Map.of(), "badArgument", verbName + " takes no argument '" + printable(name) + "'.");
            }
        }
        if (verb.exclusive() != null && arguments.containsKey(verb.exclusive())) {
            if (arguments.size() > 1) {
                return new Parsed(null, Map.of(), "badArgument", "The " + verb.exclusive() + " is the only argument it may come with.");
            }
            return new Parsed(verbName, arguments, null, null);
        }
        for (String name : verb.required()) {
            if (arguments.getOrDefault(name, "").isEmpty()) {
                return new Parsed(null, Map.of(), "badArgument", verbName + " needs the argument '" + name + "'.");
            }
        }
        return new Parsed(verbName, arguments, null, null);
    }

    /** Why {@code from} and {@code until} cannot be used, if they cannot: each a day or a second, alike, and in order. */
    static Optional<String> dates(String from, String until) {
        for (String date : new String[] {from, until}) {
            if (date != null && !(DAY.matcher(date).matches() || SECOND.matcher(date).matches()) || date != null && !real(date)) {
                return Optional.of("'" + printable(date) + "' is not a UTC datestamp such as 2024-05-23 or 2024-05-23T10:00:00Z.");
            }
        }
        if (from != null && until != null) {
            if (from.length() != until.length()) {
                return Optional.of("from and until must have the same granularity (both days, or both seconds).");
            }
            if (from.compareTo(until) > 0) {
                return Optional.of("from is later than until.");
            }
        }
        return Optional.empty();
    }

    private static boolean real(String date) {
        try {
            Instant.parse(date.length() == 10 ? date + "T00:00:00Z" : date);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** A day as the first or last second it holds; a second as it is. */
    static String bound(String date, boolean end) {
        if (date == null) {
            return null;
        }
        return date.length() == 10 ? date + (end ? "T23:59:59Z" : "T00:00:00Z") : date;
    }

    /** A name or value as it may be echoed in an error: short, and without characters XML cannot hold. */
    static String printable(String text) {
        String shortened = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shortened.replaceAll("[\\p{Cntrl}\\uFFFE\\uFFFF\\p{Cs}]", "?");
    }
}
