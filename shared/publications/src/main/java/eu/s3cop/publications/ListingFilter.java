package eu.s3cop.publications;

import java.util.List;

/**
 * What a listing is narrowed to; a null field means "any".
 *
 * @param type a publication type's code
 * @param year four digits
 * @param words folded search words ({@link eu.s3cop.core.SearchText#fold}), all of which must match
 */
public record ListingFilter(String workingGroup, String type, String year, List<String> words) {

    public ListingFilter {
        words = List.copyOf(words);
    }

    public static ListingFilter all() {
        return new ListingFilter(null, null, null, List.of());
    }

    public static ListingFilter ofWorkingGroup(String workingGroup) {
        return new ListingFilter(workingGroup, null, null, List.of());
    }

    public static ListingFilter ofType(String type) {
        return new ListingFilter(null, type, null, List.of());
    }
}
