package eu.s3cop.lists;

import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.store.RegistrationList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A webinar's registrations as the secretariat opens them in a spreadsheet: RFC 4180 (commas,
 * CRLF line ends, quotes where a value needs them), UTF-8 with a byte-order mark, which is how
 * Excel knows the encoding, one line per registration in the order they were made. Times are
 * ISO-8601 in UTC.
 *
 * <p>Names and organisations come from the public: a value a spreadsheet would take for a
 * formula (one that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return) is written after an apostrophe, so it shows as the text it is and never runs.
 */
final class RegistrationsCsv {

    static final List<String> HEADER = List.of("Name", "Email", "State", "Attendance", "Registered at", "From waiting list",
            "Organisation", "Country", "Kind of organisation");

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

    private RegistrationsCsv() {
    }

    /** The list of these registrations, as its file's bytes. */
    static byte[] of(List<RegistrationList.Entry> entries) {
        StringBuilder out = new StringBuilder(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (RegistrationList.Entry entry : entries.stream().sorted(Comparator.comparing(RegistrationList.Entry::since)).toList()) {
                printer.printRecord(row(entry).stream().map(RegistrationsCsv::guarded).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A list could not be written to memory", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(RegistrationList.Entry entry) {
        return List.of(entry.name(), entry.email(), state(entry), entry.attendance().map(Attendance::word).orElse(""), time(entry.since()),
                entry.fromWaitingList() ? "yes" : "no", entry.organisation(),
                entry.country().isEmpty() ? "" : Venue.countryName(entry.country()), entry.kind().map(OrganisationKind::label).orElse(""));
    }

    /** Where the registration stands, in the list's words. */
    static String state(RegistrationList.Entry entry) {
        return switch (entry.standing()) {
            case PENDING -> "pending";
            case CONFIRMED -> "confirmed";
            case WAITING -> "waiting";
            case OFFERED -> "offered";
        };
    }

    private static String time(Instant since) {
        return since.equals(Instant.EPOCH) ? "" : DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The value as a spreadsheet shows it as text: after an apostrophe when it would otherwise start a formula. */
    static String guarded(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
