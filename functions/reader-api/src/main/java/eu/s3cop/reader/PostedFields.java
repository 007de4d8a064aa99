package eu.s3cop.reader;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.model.Venue;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a visitor posts, from JSON or from the catalogue's forms, read within bounds: each field
 * one line of limited length, a name only of letters, an address only of ASCII.
 */
final class PostedFields {

    /** ASCII only: SES refuses other characters in an address's local part, and a look-alike domain is a phishing tool. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    /**
     * Letters of any script, spaces, hyphens and apostrophes: a name begins every email we send,
     * so it must not be able to carry a link, an address or a sentence of someone else's.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}](?:[\\p{L}\\p{M} '\u2019-]*[\\p{L}\\p{M}])?");
    private static final int MAX_BODY = 4096;
    private static final Pattern ONE_CLICK_PART = Pattern.compile(
            "Content-Disposition:\\s*form-data;\\s*name=\"?List-Unsubscribe\"?\\s*\\r?\\n\\r?\\nOne-Click\\r?\\n", Pattern.CASE_INSENSITIVE);

    private PostedFields() {
    }

    /**
     * The posted fields, from JSON or from a form (the catalogue's, which works without
     * JavaScript); any other type is refused. Another site's page can post a form too, but it
     * gains nothing: a request only emails the address's owner, and confirming or cancelling
     * needs the token that only the emailed link carries.
     */
    static Map<String, String> of(String contentType, String body, boolean base64, String example) {
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        boolean form = type.matches("application/x-www-form-urlencoded\\s*(;.*)?");
        if (type.matches("multipart/form-data\\s*;.*") && body != null) {
            return oneClick(base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body);
        }
        if (!form && !type.matches("application/json\\s*(;.*)?")) {
            throw new ApiException(415, "Send a form (application/x-www-form-urlencoded) or JSON (application/json), such as " + example + ".");
        }
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request is empty; send " + example + ".");
        }
        String text = base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
        if (text.length() > MAX_BODY) {
            throw ApiException.badRequest("The request body is longer than " + MAX_BODY + " characters.");
        }
        return form ? formFields(text) : jsonFields(text, example);
    }

    /**
     * A one-click unsubscribe as RFC 8058 lets a mail program send it, as multipart/form-data
     * with the one field {@code List-Unsubscribe=One-Click}: that field alone is read from such a
     * body. Anything else sent so is refused as any other type would be.
     */
    private static Map<String, String> oneClick(String text) {
        if (text.length() <= MAX_BODY && ONE_CLICK_PART.matcher(text).find()) {
            return Map.of("List-Unsubscribe", "One-Click");
        }
        throw new ApiException(415, "Send a form (application/x-www-form-urlencoded) or JSON (application/json); multipart/form-data is taken"
                + " only for a one-click unsubscribe (List-Unsubscribe=One-Click).");
    }

    private static Map<String, String> formFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.putIfAbsent(name, value) != null) {
                    throw ApiException.badRequest("The form has " + name.replaceAll("[^a-z]", "?") + " twice; send it once.");
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("The form is not URL-encoded as browsers send it.");
            }
        }
        return fields;
    }

    private static Map<String, String> jsonFields(String text, String example) {
        Map<String, Object> map;
        try {
            map = JSON.std.mapFrom(text);
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("The body is not JSON; send " + example + ".");
        }
        if (map == null) {
            throw ApiException.badRequest("Send " + example + " as JSON.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (value instanceof String string) {
                fields.put(name, string);
            }
        });
        return fields;
    }

    /** The registrant's name, which begins every email: letters, spaces, hyphens and apostrophes only. */
    static String name(Map<String, String> request) {
        String name = field(request, "name", 120);
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("name may hold only letters (accented ones too), spaces, hyphens and apostrophes.");
        }
        return name;
    }

    static String field(Map<String, String> request, String name, int max) {
        String text = request.get(name);
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(name + " is required.");
        }
        String clean = text.strip();
        if (clean.length() > max || clean.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(name + " must be one line of at most " + max + " characters.");
        }
        return clean;
    }

    /**
     * What a registrant answered when confirming, every answer optional: how they attend (a
     * hybrid event's choice), their organisation, its country (ISO 3166-1 alpha-2) and its kind.
     * A country's code is taken in either case, as a program may send "be".
     */
    static Answers answers(Map<String, String> request) {
        String attendanceWord = request.getOrDefault("attendance", "").strip();
        Attendance attendance = attendanceWord.isEmpty() ? null : Attendance.of(attendanceWord)
                .orElseThrow(() -> ApiException.badRequest("attendance is online or in-person."));
        String organisation = request.getOrDefault("organisation", "").strip();
        if (organisation.length() > Answers.ORGANISATION_LENGTH || organisation.codePoints().anyMatch(PostedFields::invisible)) {
            throw ApiException.badRequest("organisation must be one line of at most " + Answers.ORGANISATION_LENGTH + " characters.");
        }
        String country = request.getOrDefault("country", "").strip().toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !Venue.knownCountry(country)) {
            throw ApiException.badRequest("country is a two-letter ISO 3166-1 code such as BE, or nothing.");
        }
        String kindCode = request.getOrDefault("kind", "").strip();
        Optional<OrganisationKind> kind = kindCode.isEmpty() ? Optional.empty() : Optional.of(OrganisationKind.of(kindCode)
                .orElseThrow(() -> ApiException.badRequest("kind is one of " + Arrays.stream(OrganisationKind.values())
                        .map(OrganisationKind::code).collect(Collectors.joining(", ")) + ", or nothing.")));
        return new Answers(attendance, organisation, country, kind);
    }

    /** Control and format characters, and line and paragraph separators: none belongs in one line of a list. */
    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
