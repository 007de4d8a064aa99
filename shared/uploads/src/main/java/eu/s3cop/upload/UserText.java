package eu.s3cop.upload;

/** Makes values from an upload safe to repeat in a message: short, one line, no control characters. */
public final class UserText {

    private static final int MAX = 60;

    private UserText() {
    }

    /** The value cleaned and cut to 60 characters, for quoting it back. */
    public static String quote(String value) {
        String clean = clean(value);
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }

    /** The value with every control character a space, stripped; "" for null. */
    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }
}
