package eu.s3cop.upload;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses an uploaded YAML text into its one node, within bounds that no upload can push the
 * parser past (aliases, nesting, length), and turns whatever stops it into one problem that
 * names the line. Knows nothing of fields: {@link YamlFields} reads them from the node.
 */
final class YamlParser {

    /**
     * How deeply lists and mappings may nest. The deepest fields there are (a webinar's speakers,
     * a working group's members and meetings: lists of mappings) take two levels; the composer recurses once per level, and a few thousand
     * '[' would overflow the stack before any check could run.
     */
    static final int MAX_DEPTH = 8;

    private YamlParser() {
    }

    /** The text's one node, or empty when there is none or it is not valid YAML (a problem says why). */
    static Optional<Node> parse(String yaml, YamlFields.Form form, List<Problem> problems) {
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(form.what())
                    .setSchema(new CoreSchema())
                    .setMaxAliasesForCollections(10)
                    .setAllowRecursiveKeys(false)
                    .setCodePointLimit(yaml.length() + 16)
                    // The whole text in one buffer: snakeyaml-engine 2.10 fails on an emoji whose two
                    // UTF-16 halves straddle a buffer boundary (found by DraftFuzzTest and WebinarFileFuzzTest).
                    .setBufferSize(yaml.length() + 2)
                    .build();
            Parser parser = new DepthLimit(new ParserImpl(settings, new StreamReader(settings, yaml)));
            Optional<Node> node = new Composer(settings, parser).getSingleNode();
            if (node.isEmpty()) {
                problems.add(Problem.atLine(form.firstLine(), form.what() + " has no fields: give at least " + String.join(", ", form.atLeast())));
            }
            return node;
        } catch (TooDeep e) {
            problems.add(Problem.atLine(e.line + form.firstLine(), form.what() + " nests lists or mappings more than " + MAX_DEPTH
                    + " levels deep; no field needs more than two (write each field as 'name: value', lists as [a, b])"));
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            // Point at where the broken construct starts (an unclosed list, say), and say where the parser noticed.
            int noticed = e.getProblemMark().map(mark -> mark.getLine() + form.firstLine()).orElse(form.firstLine());
            int line = e.getContextMark().map(mark -> mark.getLine() + form.firstLine()).orElse(noticed);
            String where = line == noticed ? "" : "; noticed on line " + noticed;
            problems.add(Problem.atLine(line, form.what() + " is not valid YAML: " + UserText.clean(e.getProblem()) + where
                    + " (write each field as 'name: value', lists as [a, b])"));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(Problem.atLine(form.firstLine(), form.what() + " is not valid YAML: " + UserText.clean(e.getMessage())));
            return Optional.empty();
        }
    }

    /** Thrown before the composer recurses deeper than {@link #MAX_DEPTH}. */
    private static final class TooDeep extends RuntimeException {
        final int line;

        TooDeep(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    /** The parser's events, counted by how deeply lists and mappings nest. */
    private static final class DepthLimit implements Parser {
        private final Parser parser;
        private int depth;

        DepthLimit(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new TooDeep(event.getStartMark().map(Mark::getLine).orElse(0));
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                default -> {
                    // Scalars, aliases, documents and the stream do not nest.
                }
            }
            return event;
        }
    }
}
