package eu.s3cop.catalogue;

import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.OrganisationKind;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Element;

/**
 * The questions the confirm form asks beside the name: how a hybrid event's registrant attends,
 * and, optionally, their organisation, its country and its kind, which the secretariat's list
 * shows and, without names, the event's figures count.
 */
final class AnswerFields {

    /** Every ISO 3166-1 country, by its English name, as a select offers them. */
    private static final Map<String, String> COUNTRIES = countries();

    private AnswerFields() {
    }

    /**
     * Online or in the room, as radio buttons, the earlier choice (or online) checked; the room
     * is not offered when it is full.
     */
    static void attendance(Element form, Attendance chosen, boolean roomFull, int roomPlaces) {
        Element fieldset = form.appendElement("fieldset").addClass("attendance");
        fieldset.appendElement("legend").text("How will you attend?");
        choice(fieldset, Attendance.ONLINE, "Online, with the link in the invite", chosen != Attendance.IN_PERSON || roomFull, false);
        choice(fieldset, Attendance.IN_PERSON, roomFull ? "In the room (all " + roomPlaces + " places are taken)" : "In the room",
                chosen == Attendance.IN_PERSON && !roomFull, roomFull);
    }

    private static void choice(Element fieldset, Attendance attendance, String label, boolean checked, boolean disabled) {
        Element line = fieldset.appendElement("p");
        Element input = line.appendElement("input").attr("type", "radio").attr("name", "attendance").attr("value", attendance.word())
                .attr("id", "attendance-" + attendance.word());
        if (checked) {
            input.attr("checked", "");
        }
        if (disabled) {
            input.attr("disabled", "");
        }
        line.appendElement("label").attr("for", "attendance-" + attendance.word()).text(label);
    }

    /** The optional questions about the registrant's organisation. */
    static void organisation(Element form) {
        Element fieldset = form.appendElement("fieldset").addClass("about");
        fieldset.appendElement("legend").text("About your organisation (optional)");
        fieldset.appendElement("p").addClass("hint").text("These answers help the S3 Community of Practice report who takes part. After"
                + " your registration is deleted, only counts by country and by kind of organisation remain, with no name.");
        Element organisation = fieldset.appendElement("p");
        organisation.appendElement("label").attr("for", "organisation").text("Organisation");
        organisation.appendElement("input").attr("type", "text").attr("id", "organisation").attr("name", "organisation")
                .attr("autocomplete", "organization").attr("maxlength", String.valueOf(Answers.ORGANISATION_LENGTH));
        Element country = fieldset.appendElement("p");
        country.appendElement("label").attr("for", "country").text("Country");
        Element select = country.appendElement("select").attr("id", "country").attr("name", "country").attr("autocomplete", "country");
        select.appendElement("option").attr("value", "").text("Not given");
        COUNTRIES.forEach((name, code) -> select.appendElement("option").attr("value", code).text(name));
        Element kind = fieldset.appendElement("p");
        kind.appendElement("label").attr("for", "kind").text("Kind of organisation");
        Element kinds = kind.appendElement("select").attr("id", "kind").attr("name", "kind");
        kinds.appendElement("option").attr("value", "").text("Not given");
        for (OrganisationKind each : OrganisationKind.values()) {
            kinds.appendElement("option").attr("value", each.code()).text(each.label());
        }
    }

    private static Map<String, String> countries() {
        Map<String, String> byName = new TreeMap<>(Comparator.comparing((String name) -> name, java.text.Collator.getInstance(Locale.ENGLISH)));
        for (String code : Locale.getISOCountries()) {
            byName.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
        }
        return byName;
    }
}
