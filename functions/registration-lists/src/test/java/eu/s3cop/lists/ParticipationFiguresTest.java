package eu.s3cop.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.store.RegistrationList;
import eu.s3cop.webinar.store.Registrations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParticipationFiguresTest {

    private static RegistrationList.Entry entry(Registrations.Standing standing, String country, OrganisationKind kind) {
        return new RegistrationList.Entry("Ana Novak", "ana@example.org", standing, Instant.EPOCH, Optional.of(Attendance.ONLINE), false,
                "Mestna občina Ljubljana", country, Optional.ofNullable(kind));
    }

    @Test
    void onlyConfirmedRegistrationsCountByCountryAndKindAndThoseWhoGaveNone() {
        Figures figures = ParticipationFigures.count(List.of(
                entry(Registrations.Standing.CONFIRMED, "SI", OrganisationKind.PUBLIC_AUTHORITY),
                entry(Registrations.Standing.CONFIRMED, "SI", null),
                entry(Registrations.Standing.CONFIRMED, "", OrganisationKind.BUSINESS),
                entry(Registrations.Standing.WAITING, "HR", OrganisationKind.BUSINESS),
                entry(Registrations.Standing.OFFERED, "HR", OrganisationKind.BUSINESS),
                entry(Registrations.Standing.PENDING, "AT", OrganisationKind.OTHER)));

        assertThat(figures).isEqualTo(new Figures(3, Map.of("SI", 2), 1,
                Map.of(OrganisationKind.PUBLIC_AUTHORITY, 1, OrganisationKind.BUSINESS, 1), 1));
        assertThat(figures.countryCount()).isEqualTo(1);
    }

    @Test
    void theFileCarriesCountsAndNothingThatNamesAnyone() throws Exception {
        Figures figures = ParticipationFigures.count(List.of(entry(Registrations.Standing.CONFIRMED, "SI", OrganisationKind.PUBLIC_AUTHORITY)));
        String file = new String(FiguresFile.of("forum-2024", figures), StandardCharsets.UTF_8);

        assertThat(JSON.std.mapFrom(file)).isEqualTo(Map.of("webinar", "forum-2024", "participants", 1, "countries", Map.of("SI", 1),
                "no_country", 0, "kinds", Map.of("public-authority", 1), "no_kind", 0));
        assertThat(file).doesNotContain("Ana", "example.org", "Ljubljana");
    }
}
