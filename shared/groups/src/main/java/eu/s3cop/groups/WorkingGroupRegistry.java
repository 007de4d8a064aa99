package eu.s3cop.groups;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the secretariat keeps of a working group, from {@code working-groups/<wg>.yaml}: its
 * objective, approach and main focus (Markdown), its participants, its meetings and its
 * expected outputs. Any part may be empty; a group without participants says so on its page.
 *
 * @param leader the working group's leader, or null when none is named
 * @param chair the chair, or null
 * @param rapporteur the rapporteur, or null
 */
public record WorkingGroupRegistry(String workingGroup, String objective, String approach, String mainFocus, Person leader,
        Person chair, Person rapporteur, List<Person> members, List<Meeting> meetings, List<String> expectedOutputs) {

    public WorkingGroupRegistry {
        members = List.copyOf(members);
        meetings = List.copyOf(meetings);
        expectedOutputs = List.copyOf(expectedOutputs);
    }

    /** A participant as the group's page names them. @param country "" when not given */
    public record Person(String name, String country) {

        /** "Santiago Donat (Spain)", or the name alone. */
        public String shown() {
            return country.isEmpty() ? name : name + " (" + country + ")";
        }
    }

    /**
     * A meeting, held or planned.
     *
     * @param date a year (2024), a month (2023-09) or a day (2023-06-08): plans are often no more precise
     */
    public record Meeting(String date, String title) {

        private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

        /** The date as a reader says it: "2024", "September 2023", "8 June 2023"; empty when it is none of the three. */
        public static Optional<String> shown(String date) {
            try {
                return Optional.of(switch (date.length()) {
                    case 4 -> Year.parse(date).toString();
                    case 7 -> MONTH.format(YearMonth.parse(date));
                    case 10 -> DAY.format(LocalDate.parse(date));
                    default -> throw new DateTimeParseException("not a year, month or day", date, 0);
                });
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        public String shownDate() {
            return shown(date).orElse(date);
        }
    }

    /** The roles a page lists before the members, in that order, each with its holder. */
    public Map<String, Person> roles() {
        Map<String, Person> roles = new LinkedHashMap<>();
        if (leader != null) {
            roles.put("Working group leader", leader);
        }
        if (chair != null) {
            roles.put("Chair", chair);
        }
        if (rapporteur != null) {
            roles.put("Rapporteur", rapporteur);
        }
        return roles;
    }

    public boolean hasParticipants() {
        return !roles().isEmpty() || !members.isEmpty();
    }

    /** The members by country, countries in alphabetical order and, within one, names as the file gives them. */
    public Map<String, List<Person>> membersByCountry() {
        Map<String, List<Person>> byCountry = new TreeMap<>(Comparator.comparing((String country) -> country.toLowerCase(Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));
        for (Person member : members) {
            byCountry.computeIfAbsent(member.country(), country -> new ArrayList<>()).add(member);
        }
        return byCountry;
    }
}
