package eu.s3cop.lists;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.store.RegistrationList;
import eu.s3cop.webinar.store.Registrations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationsCsvTest {

    private static final Instant NINE = Instant.parse("2024-05-01T09:00:00.123456Z");

    private static RegistrationList.Entry entry(String name, String email, Registrations.Standing standing, Instant since, String organisation,
            String country, OrganisationKind kind) {
        return new RegistrationList.Entry(name, email, standing, since,
                standing == Registrations.Standing.PENDING ? Optional.empty() : Optional.of(Attendance.ONLINE), false, organisation, country,
                Optional.ofNullable(kind));
    }

    @Test
    void oneLinePerRegistrationInTheOrderTheyWereMadeUnderTheHeader() throws Exception {
        List<RegistrationList.Entry> entries = List.of(
                entry("Zoë Ångström", "zoe@example.org", Registrations.Standing.WAITING, NINE.plusSeconds(60), "", "", null),
                new RegistrationList.Entry("Łukasz Wiśniewski", "lukasz@example.org", Registrations.Standing.CONFIRMED, NINE,
                        Optional.of(Attendance.IN_PERSON), true, "Région Île-de-France, \"Direction\"", "FR",
                        Optional.of(OrganisationKind.PUBLIC_AUTHORITY)),
                entry("Dana Pending", "dana@example.org", Registrations.Standing.PENDING, NINE.plusSeconds(120), "", "", null),
                entry("Olaf Offered", "olaf@example.org", Registrations.Standing.OFFERED, NINE.plusSeconds(180), "Uniwersytet Łódzki", "PL", OrganisationKind.RESEARCH));

        List<List<String>> rows = CsvRows.of(RegistrationsCsv.of(entries));

        assertThat(rows.get(0)).containsExactly("Name", "Email", "State", "Attendance", "Registered at", "From waiting list",
                "Organisation", "Country", "Kind of organisation");
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of("Łukasz Wiśniewski", "lukasz@example.org", "confirmed", "in-person", "2024-05-01T09:00:00Z", "yes",
                        "Région Île-de-France, \"Direction\"", "France", "Public authority"),
                List.of("Zoë Ångström", "zoe@example.org", "waiting", "online", "2024-05-01T09:01:00Z", "no", "", "", ""),
                List.of("Dana Pending", "dana@example.org", "pending", "", "2024-05-01T09:02:00Z", "no", "", "", ""),
                List.of("Olaf Offered", "olaf@example.org", "offered", "online", "2024-05-01T09:03:00Z", "no", "Uniwersytet Łódzki",
                        "Poland", "University or research"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://evil.example\",\"Click\")", "+1-555-0100", "-2+3", "@SUM(A1:A9)", "\tTabbed", "\rReturned"})
    void aValueASpreadsheetWouldRunAsAFormulaIsWrittenAsText(String organisation) throws Exception {
        List<List<String>> rows = CsvRows.of(RegistrationsCsv.of(List.of(entry("Mallory", "mallory@example.org", Registrations.Standing.CONFIRMED, NINE, organisation,
                "", null))));
        assertThat(rows.get(1).get(6)).isEqualTo("'" + organisation);
    }

    @Test
    void anEmptyListIsItsHeaderAlone() throws Exception {
        assertThat(CsvRows.of(RegistrationsCsv.of(List.of()))).hasSize(1);
    }

    @Test
    void ordinaryValuesAreLeftAsTheyAre() {
        assertThat(RegistrationsCsv.guarded("O'Neill")).isEqualTo("O'Neill");
        assertThat(RegistrationsCsv.guarded("Anne-Marie")).isEqualTo("Anne-Marie");
        assertThat(RegistrationsCsv.guarded("")).isEmpty();
    }
}
