package eu.s3cop.webinar.model;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where an in-person or hybrid event takes place.
 *
 * @param address the street address; empty when not given
 * @param country an ISO 3166-1 alpha-2 code, such as BE
 */
public record Venue(String name, String address, String city, String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Venue {
        if (!knownCountry(country)) {
            throw new IllegalArgumentException("A venue's country is an ISO 3166-1 alpha-2 code such as BE, not " + country);
        }
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code, in capitals as the standard writes them. */
    public static boolean knownCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /** The country's name in English, as pages and invites show it. */
    public String countryName() {
        return countryName(country);
    }

    /** The English name of the country an ISO 3166-1 alpha-2 code names, as pages, invites and the secretariat's list show it. */
    public static String countryName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    /** The venue in one line, as a calendar's LOCATION or a map's search wants it: "name, address, city, country". */
    public String line() {
        return Stream.of(name, address, city, countryName()).filter(part -> !part.isEmpty()).collect(Collectors.joining(", "));
    }
}
