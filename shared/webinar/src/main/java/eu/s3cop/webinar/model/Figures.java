package eu.s3cop.webinar.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many took part in an event, counted by the country and the kind of their organisation,
 * as EU programmes report participation, and nothing else: no name, no address, no
 * organisation. They are what remains of an event's registrations once those expire.
 *
 * @param participants the confirmed registrations
 * @param countries participants per ISO 3166-1 alpha-2 code, of those who gave a country
 * @param noCountry participants who gave no country
 * @param kinds participants per kind of organisation, of those who gave one
 * @param noKind participants who gave no kind of organisation
 */
public record Figures(int participants, Map<String, Integer> countries, int noCountry, Map<OrganisationKind, Integer> kinds, int noKind) {

    /** No figures: an event nobody confirmed for, or one whose figures were never counted. */
    public static final Figures NONE = new Figures(0, Map.of(), 0, Map.of(), 0);

    public Figures {
        if (participants < 0 || noCountry < 0 || noKind < 0) {
            throw new IllegalArgumentException("Figures count people: " + participants + " participants, " + noCountry
                    + " without a country and " + noKind + " without a kind cannot be negative");
        }
        countries = Collections.unmodifiableMap(new TreeMap<>(countries));
        kinds = Collections.unmodifiableMap(kinds.isEmpty() ? new EnumMap<>(OrganisationKind.class) : new EnumMap<>(kinds));
    }

    /** How many countries the participants came from, of those who said; what public pages may tell. */
    public int countryCount() {
        return countries.size();
    }
}
