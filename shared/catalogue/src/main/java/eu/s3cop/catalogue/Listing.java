package eu.s3cop.catalogue;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A published brief as the catalogue shows it. */
public record Listing(String id, String title, String type, String workingGroup, List<String> authors, String date,
        int version, int pages, String summary, String publishedAt) {

    public Listing {
        authors = List.copyOf(authors);
    }

    /** From a publication item of the publications table. */
    public static Listing from(Map<String, AttributeValue> item) {
        return new Listing(text(item, "id"), text(item, "title"), text(item, "type"), text(item, "workingGroup"),
                item.containsKey("authors") ? item.get("authors").l().stream().map(AttributeValue::s).toList() : List.of(),
                text(item, "date"), (int) number(item, "latestVersion"), (int) number(item, "pages"), text(item, "summary"),
                text(item, "publishedAt"));
    }

    public String slug() {
        return id.substring(id.indexOf('/') + 1);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
