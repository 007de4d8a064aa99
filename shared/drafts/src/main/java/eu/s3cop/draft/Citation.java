package eu.s3cop.draft;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/**
 * A citation in a draft's text, as pandoc writes one: {@code [@gianelle2016, p. 12]} or
 * {@code [see @a; @b]} in brackets, or {@code @gianelle2016} in the sentence, whose author the
 * sentence names ("Gianelle et al. (2016) argue"). The renderer formats it in the draft's
 * citation style; until then it is the text that was typed.
 */
public final class Citation extends Node {

    /**
     * One work cited.
     *
     * @param key the entry's key in the draft's bibliography
     * @param prefix words before it inside the brackets ("see"), or empty
     * @param label what the locator counts, as CSL names it ({@code page}, {@code chapter}, ...), or empty
     * @param locator where in the work ("12", "12–14"), or empty
     * @param suffix words after it ("and elsewhere"), or empty
     * @param suppressAuthor {@code [-@key]}: the year only, where the sentence has named the author
     */
    public record Source(String key, String prefix, String label, String locator, String suffix, boolean suppressAuthor) {
    }

    private final List<Source> sources;
    private final boolean narrative;

    Citation(BasedSequence chars, List<Source> sources, boolean narrative) {
        super(chars);
        this.sources = List.copyOf(sources);
        this.narrative = narrative;
    }

    public List<Source> sources() {
        return sources;
    }

    /** Whether the citation is part of the sentence ({@code @key says}) rather than in brackets. */
    public boolean narrative() {
        return narrative;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
