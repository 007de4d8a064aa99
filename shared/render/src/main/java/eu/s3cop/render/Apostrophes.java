package eu.s3cop.render;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * The layout engine's line breaker, less the breaks it would make after a typographic
 * apostrophe inside a word: the JDK's line rules treat U+2019 as closing punctuation, which
 * split the French "d’éligibilité" as "d’" at a line's end. A straight apostrophe never gave
 * that break; the brief's typography must not either. One per render: breakers keep state.
 */
final class Apostrophes implements FSTextBreaker {

    private final FSTextBreaker lines = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText;
        lines.setText(newText);
    }

    @Override
    public int next() {
        int at = lines.next();
        while (at != BreakIterator.DONE && insideWord(at)) {
            at = lines.next();
        }
        return at;
    }

    private boolean insideWord(int at) {
        return at >= 2 && at < text.length() && text.charAt(at - 1) == '’' && Character.isLetter(text.charAt(at - 2))
                && Character.isLetter(text.charAt(at));
    }
}
