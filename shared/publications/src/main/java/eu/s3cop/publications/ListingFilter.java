package eu.s3cop.publications;

/**
 * What a listing is narrowed to; a null field means "any".
 *
 * @param type a publication type's code
 * @param year four digits
 */
public record ListingFilter(String workingGroup, String type, String year) {

    public static ListingFilter all() {
        return new ListingFilter(null, null, null);
    }

    public static ListingFilter ofWorkingGroup(String workingGroup) {
        return new ListingFilter(workingGroup, null, null);
    }

    public static ListingFilter ofType(String type) {
        return new ListingFilter(null, type, null);
    }
}
