package eu.s3cop.reader;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.metadata.OaiDc;
import eu.s3cop.metadata.OpenAire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OAI-PMH resumption token: the list's arguments and where its next page starts, so that the
 * token alone resumes it (the protocol sends it without them). It holds no secret and needs no
 * state: a token altered by hand can only start the same kind of list somewhere else in it, and
 * one that does not read as a token is a {@code badResumptionToken}.
 */
final class OaiToken {

    private static final int MAX_LENGTH = 4096;

    /**
     * @param from the first datestamp, or null
     * @param until the last, or null
     * @param after where the harvest's next page starts, or null at the start
     * @param cursor how many records the earlier pages held
     */
    record Query(String prefix, String set, String from, String until, String after, int cursor) {

        Query next(String next, int served) {
            return new Query(prefix, set, from, until, next, cursor + served);
        }
    }

    private OaiToken() {
    }

    static String encode(Query query) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("m", query.prefix());
        fields.put("s", query.set());
        fields.put("f", query.from());
        fields.put("u", query.until());
        fields.put("a", query.after());
        fields.put("c", query.cursor());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.std.asBytes(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Query> decode(String token) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Map<String, Object> fields = JSON.std.mapFrom(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!(fields.get("m") instanceof String prefix) || !(prefix.equals(OaiDc.PREFIX) || prefix.equals(OpenAire.PREFIX))
                    || !(fields.get("a") instanceof String after) || !(fields.get("c") instanceof Integer cursor) || cursor < 0
                    || !optionalText(fields.get("s")) || !optionalText(fields.get("f")) || !optionalText(fields.get("u"))) {
                return Optional.empty();
            }
            return Optional.of(new Query(prefix, (String) fields.get("s"), (String) fields.get("f"), (String) fields.get("u"), after, cursor));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean optionalText(Object value) {
        return value == null || value instanceof String text && text.length() <= 200;
    }
}
