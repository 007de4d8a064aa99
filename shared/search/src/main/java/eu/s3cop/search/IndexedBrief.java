package eu.s3cop.search;

import eu.s3cop.publications.Publication;

/**
 * A published brief as the index holds it: its listing and the full text of its current version.
 *
 * @param text the current version's words, as the draft's syntax tree gives them; empty when none was stored
 */
public record IndexedBrief(Publication publication, String text) {
}
