package eu.s3cop.draft;

import java.util.Locale;

/**
 * How a language is named to readers: in itself, as a reader of it looks for it ("Deutsch",
 * "Français", "Polski"), on a search's facets and a translation's links.
 */
public final class LanguageNames {

    private LanguageNames() {
    }

    public static String of(String code) {
        Locale language = Locale.forLanguageTag(code);
        String name = language.getDisplayLanguage(language);
        if (name.isEmpty() || name.equals(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
