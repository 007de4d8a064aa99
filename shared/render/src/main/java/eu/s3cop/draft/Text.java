package eu.s3cop.draft;

/** Makes values from a draft safe to repeat in a message: short, one line, no control characters. */
final class Text {

    private static final int MAX = 60;

    private Text() {
    }

    static String quote(String value) {
        String clean = clean(value);
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }
}
