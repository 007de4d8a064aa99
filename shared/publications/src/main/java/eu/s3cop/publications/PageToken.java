package eu.s3cop.publications;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code next} token of a listing: the index it pages through and the key of the
 * last item returned. A token for another index, with other keys, or not decodable is refused.
 */
final class PageToken {

    private static final int MAX_LENGTH = 2048;

    private PageToken() {
    }

    static String encode(String index, Map<String, AttributeValue> key) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("i", index);
        Map<String, String> values = new LinkedHashMap<>();
        key.forEach((name, value) -> values.put(name, value.s()));
        token.put("k", values);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.std.asBytes(token));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, AttributeValue> decode(String token, String index, Set<String> keyNames) {
        if (token.length() > MAX_LENGTH) {
            throw new InvalidPageTokenException("The next token is too long; pass the 'next' value of the previous page unchanged.");
        }
        try {
            // Any JSON value may come back, null too: only an object of ours is a token.
            if (!(JSON.std.anyFrom(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)) instanceof Map<?, ?> decoded)
                    || !index.equals(decoded.get("i")) || !(decoded.get("k") instanceof Map<?, ?> values) || !values.keySet().equals(keyNames)) {
                throw invalid();
            }
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : values.entrySet()) {
                if (!(entry.getValue() instanceof String value) || value.isEmpty() || value.length() > 300) {
                    throw invalid();
                }
                key.put(String.valueOf(entry.getKey()), AttributeValue.fromS(value));
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidPageTokenException invalid() {
        return new InvalidPageTokenException("The next token is not one this listing gave out; pass the 'next' value of the previous page"
                + " unchanged, with the same filters.");
    }
}
