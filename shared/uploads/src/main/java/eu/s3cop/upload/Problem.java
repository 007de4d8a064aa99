package eu.s3cop.upload;

/**
 * One thing wrong with an uploaded file, said so that whoever uploaded it can fix it.
 *
 * @param field the field at fault, or null when the problem is not one field's
 * @param line the 1-based line of the file, or 0 when the problem concerns the whole file
 */
public record Problem(String field, int line, String message) {

    public static Problem ofFile(String message) {
        return new Problem(null, 0, message);
    }

    public static Problem atLine(int line, String message) {
        return new Problem(null, line, message);
    }

    public static Problem ofField(String field, int line, String message) {
        return new Problem(field, line, message);
    }

    /** {@code file:line: message}, as a compiler says it. */
    public String describe(String file) {
        return file + ":" + Math.max(line, 1) + ": " + (field == null ? "" : field + ": ") + message;
    }
}
