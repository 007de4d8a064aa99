package eu.s3cop.lists;

import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.store.RegistrationList;
import eu.s3cop.webinar.store.Registrations;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts an event's participants, the confirmed registrations, by their organisation's country and kind. */
final class ParticipationFigures {

    private ParticipationFigures() {
    }

    static Figures count(List<RegistrationList.Entry> entries) {
        Map<String, Integer> countries = new TreeMap<>();
        Map<OrganisationKind, Integer> kinds = new EnumMap<>(OrganisationKind.class);
        int participants = 0;
        int noCountry = 0;
        int noKind = 0;
        for (RegistrationList.Entry entry : entries) {
            if (entry.standing() != Registrations.Standing.CONFIRMED) {
                continue;
            }
            participants++;
            if (entry.country().isEmpty()) {
                noCountry++;
            } else {
                countries.merge(entry.country(), 1, Integer::sum);
            }
            if (entry.kind().isEmpty()) {
                noKind++;
            } else {
                kinds.merge(entry.kind().get(), 1, Integer::sum);
            }
        }
        return new Figures(participants, countries, noCountry, kinds, noKind);
    }
}
