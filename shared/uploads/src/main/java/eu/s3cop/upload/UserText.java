package eu.s3cop.upload;

import java.util.OptionalInt;

/**
 * Makes values from an upload safe to repeat in a message (short, one line, no control
 * characters), and finds the control characters that have no place in an upload's text.
 */
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

    /**
     * The first control character other than a line break or a tab, C0, DEL or C1: none of them
     * can be typed on purpose, all are invisible in a report, and a CR or U+0001 would reach
     * invites, the feed and the PDF as it is.
     */
    public static OptionalInt controlCharacter(String text) {
        return text.codePoints().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t').findFirst();
    }

    /** What a problem says of a text holding {@code codePoint}, a control character. */
    public static String controlCharacterAdvice(int codePoint) {
        return String.format("holds the control character U+%04X; remove it (only line breaks and tabs may stand in a text)", codePoint);
    }
}
