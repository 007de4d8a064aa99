package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;

import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.OrganisationKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a webinar's participation figures lie on its item: one map attribute, {@code figures},
 * with the counts and nothing that names a person, so they can outlive the registrations.
 */
final class FiguresItems {

    /** The attribute of a webinar's item that holds its figures; the only one their writer may touch. */
    static final String FIGURES = "figures";

    private static final String PARTICIPANTS = "participants";
    private static final String COUNTRIES = "countries";
    private static final String NO_COUNTRY = "noCountry";
    private static final String KINDS = "kinds";
    private static final String NO_KIND = "noKind";

    private FiguresItems() {
    }

    static AttributeValue attribute(Figures figures) {
        Map<String, AttributeValue> countries = new HashMap<>();
        figures.countries().forEach((country, count) -> countries.put(country, count(count)));
        Map<String, AttributeValue> kinds = new HashMap<>();
        figures.kinds().forEach((kind, count) -> kinds.put(kind.code(), count(count)));
        return AttributeValue.fromM(Map.of(PARTICIPANTS, count(figures.participants()), COUNTRIES, AttributeValue.fromM(countries),
                NO_COUNTRY, count(figures.noCountry()), KINDS, AttributeValue.fromM(kinds), NO_KIND, count(figures.noKind())));
    }

    /** The figures a webinar's item holds; {@link Figures#NONE} for one never counted. A kind no longer known is left out. */
    static Figures of(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(FIGURES);
        if (value == null || !value.hasM()) {
            return Figures.NONE;
        }
        Map<String, AttributeValue> figures = value.m();
        Map<String, Integer> countries = new TreeMap<>();
        counts(figures, COUNTRIES).forEach((country, count) -> countries.put(country, count(count)));
        Map<OrganisationKind, Integer> kinds = new EnumMap<>(OrganisationKind.class);
        counts(figures, KINDS).forEach((code, count) -> OrganisationKind.of(code)
                .ifPresent(kind -> kinds.put(kind, count(count))));
        return new Figures((int) number(figures, PARTICIPANTS), countries, (int) number(figures, NO_COUNTRY), kinds,
                (int) number(figures, NO_KIND));
    }

    private static Map<String, AttributeValue> counts(Map<String, AttributeValue> figures, String name) {
        AttributeValue counts = figures.get(name);
        return counts == null || !counts.hasM() ? Map.of() : counts.m();
    }

    private static int count(AttributeValue count) {
        return count.n() == null ? 0 : Integer.parseInt(count.n());
    }

    private static AttributeValue count(int count) {
        return AttributeValue.fromN(String.valueOf(count));
    }
}
