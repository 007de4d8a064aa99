package eu.s3cop.lists;

import eu.s3cop.core.SafeJson;
import eu.s3cop.webinar.model.Figures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webinar's figures as the secretariat reads them, {@code figures.json}: how many took part,
 * how many per country (ISO 3166-1 alpha-2) and per kind of organisation (its code), and how many
 * gave neither. No name, address or organisation: the file outlives the registrations.
 */
final class FiguresFile {

    private FiguresFile() {
    }

    static byte[] of(String webinarId, Figures figures) {
        Map<String, Object> kinds = new LinkedHashMap<>();
        figures.kinds().forEach((kind, count) -> kinds.put(kind.code(), count));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("webinar", webinarId);
        file.put("participants", figures.participants());
        file.put("countries", figures.countries());
        file.put("no_country", figures.noCountry());
        file.put("kinds", kinds);
        file.put("no_kind", figures.noKind());
        return SafeJson.write(file);
    }
}
