package eu.s3cop.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text folded for matching without accents or case: "Plzeň", "PLZEN" and "plzen" all become
 * "plzen". Letters that do not decompose (ł, ø, đ, ß, æ, œ, ı, ħ) are spelled out as readers type them.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ł', "l"), Map.entry('ø', "o"), Map.entry('đ', "d"), Map.entry('ß', "ss"), Map.entry('æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('ı', "i"), Map.entry('ħ', "h"), Map.entry('þ', "th"), Map.entry('ð', "d"));

    private SearchText() {
    }

    /** Lower case, accents removed, words separated by single spaces. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder spelled = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            spelled.append(LETTERS.getOrDefault(c, String.valueOf(c)));
        }
        String bare = MARKS.matcher(Normalizer.normalize(spelled, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(bare).replaceAll(" ").strip();
    }
}
