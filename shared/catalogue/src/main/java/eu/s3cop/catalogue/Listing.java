package eu.s3cop.catalogue;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.core.Items.texts;

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
                texts(item, "authors"), text(item, "date"), (int) number(item, "latestVersion"), (int) number(item, "pages"),
                text(item, "summary"), text(item, "publishedAt"));
    }

    public String slug() {
        return id.substring(id.indexOf('/') + 1);
    }

}
