package eu.s3cop.webinar.model;

/**
 * One thing wrong with a webinar file.
 *
 * @param field the field at fault, or null
 * @param line the 1-based line of the file, or 0 for the whole file
 */
public record Problem(String field, int line, String message) {
}
