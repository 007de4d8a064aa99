package eu.s3cop.publications;

import java.util.List;

/** A page of a listing, newest first, and when more may follow the opaque token of the next page (else null). */
public record ListingPage(List<Publication> items, String next) {

    public ListingPage {
        items = List.copyOf(items);
    }
}
