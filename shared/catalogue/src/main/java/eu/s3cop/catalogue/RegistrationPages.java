package eu.s3cop.catalogue;

import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.core.Durations;
import eu.s3cop.core.SiteAddresses;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.StoredWebinar;
import eu.s3cop.webinar.store.WaitingList;
import eu.s3cop.webinar.model.Webinar;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The pages of registering for a webinar, which work without JavaScript: the form beside each
 * upcoming webinar, the answer that says to check the inbox, and the page the emailed link
 * opens, whose Confirm and Cancel are buttons that post, so a mail scanner that opens the link
 * changes nothing. The token is only ever in the page's own address and its forms' targets.
 */
public final class RegistrationPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private final SiteLayout site;

    public RegistrationPages(List<String> workingGroups) {
        this.site = new SiteLayout(workingGroups);
    }

    /**
     * The registration form for a webinar, appended to its entry in a listing or on its page.
     *
     * @param waitingList whether every place is taken, so that the form joins the waiting list
     */
    static void form(Element parent, Webinar webinar, boolean waitingList) {
        String id = webinar.id();
        String purpose = waitingList ? "Join the waiting list" : "Register";
        Element form = parent.appendElement("form").addClass("register").attr("method", "post")
                .attr("action", SiteAddresses.registrations(id)).attr("aria-label", purpose + " for " + webinar.title());
        Element name = form.appendElement("p");
        name.appendElement("label").attr("for", "name-" + id).text("Your name");
        name.appendElement("input").attr("type", "text").attr("id", "name-" + id).attr("name", "name").attr("autocomplete", "name")
                .attr("maxlength", "120").attr("required", "");
        Element email = form.appendElement("p");
        email.appendElement("label").attr("for", "email-" + id).text("Your email address");
        email.appendElement("input").attr("type", "email").attr("id", "email-" + id).attr("name", "email").attr("autocomplete", "email")
                .attr("maxlength", "254").attr("required", "");
        form.appendElement("p").addClass("consent").text("We email you a link to confirm. Your name and address are used only for this "
                + "webinar's emails (the invite, reminders, changes and the recording) and are deleted after the recording notice.");
        form.appendElement("button").attr("type", "submit").text(purpose).appendElement("span").addClass("visually-hidden")
                .text(" for " + webinar.title());
    }

    /** The answer to a registration request, the same whether the address was known or not. */
    public String requested(Webinar webinar) {
        Document page = site.page("Check your inbox", null, "A link to confirm the registration is on its way by email.");
        Element main = page.getElementById("main");
        main.appendElement("h1").text("Check your inbox");
        main.appendElement("p").attr("role", "status").text("If the address can receive email, a message with a link is on its way. "
                + "Open it and press Confirm to register for “" + webinar.title() + "”: until then no place is taken.");
        main.appendElement("p").text("The link works for " + Durations.inWords(Registrations.PENDING_FOR) + ". If no message arrives,"
                + " look in your spam folder; asking again sends the link again at most " + Durations.once(Registrations.RESEND_AFTER) + ".");
        main.appendElement("p").appendElement("a").attr("href", "/").text("Back to the S3 CoP catalogue");
        return page.outerHtml();
    }

    /**
     * The page the emailed link opens: what the webinar is, where the registration stands, and
     * buttons that post the choice to the page's own address. Confirming asks for the name
     * again, filled in as requested, since whoever asked may not own the address.
     *
     * Confirming asks a hybrid event's registrant how they attend, and everyone, optionally,
     * about their organisation; taking an offered place asks again how they attend.
     *
     * @param stored the webinar and its places: when every place is taken (or others wait), confirming joins the waiting list
     */
    public String registration(StoredWebinar stored, Registrations.Registration registration, String token) {
        Webinar webinar = stored.webinar();
        boolean full = stored.full();
        boolean hybrid = webinar.format() == Format.HYBRID;
        String heading = switch (registration.standing()) {
            case PENDING -> full ? "Join the waiting list" : "Confirm your registration";
            case CONFIRMED -> "You are registered";
            case WAITING -> "You are on the waiting list";
            case OFFERED -> "A place is free for you";
        };
        Document page = site.page(heading, null, heading + ": " + webinar.title() + ".");
        Element main = page.getElementById("main");
        main.appendElement("h1").text(heading);
        describe(main, webinar);
        String action = SiteAddresses.registration(webinar.id(), token);
        String name = registration.name();
        switch (registration.standing()) {
            case PENDING -> {
                main.appendElement("p").text(full ? "All places are taken. Confirm to join the waiting list: when a place frees up, the first"
                        + " in line is offered it by email and has " + Durations.inWords(WaitingList.OFFER_HELD_FOR) + " to take it."
                        : "Press Confirm to take your place. Your invite follows by email.");
                Element form = button(main, action, "confirm", full ? "Join the waiting list" : "Confirm");
                Element field = form.prependElement("p");
                field.appendElement("label").attr("for", "name").text("Your name, as the emails will greet you");
                field.appendElement("input").attr("type", "text").attr("id", "name").attr("name", "name").attr("value", name)
                        .attr("autocomplete", "name").attr("maxlength", "120").attr("required", "");
                Element button = form.selectFirst("button");
                if (hybrid) {
                    AnswerFields.attendance(form, null, stored.roomFull(), webinar.inPersonCapacity());
                }
                AnswerFields.organisation(form);
                // The questions come before the button that sends them.
                form.appendChild(button);
                button(main, action, "cancel", "Cancel this request");
            }
            case CONFIRMED -> {
                main.appendElement("p").text("Registered as " + name + ". Your invite was sent by email. If you can no longer attend, "
                        + "cancel to free your place for someone else.");
                button(main, action, "cancel", "Cancel my registration");
            }
            case WAITING -> {
                main.appendElement("p").attr("role", "status").text(registration.heldBack()
                        ? "Addresses at your domain already have every place one organisation may have at this event. You are number "
                                + registration.position() + " in line, as " + name + ", for the next of them that frees up; you then join the"
                                + " waiting list where you would have stood."
                        : "You are number " + registration.position() + " on the waiting list, as " + name
                                + ". When a place frees up and you are first in line, it is offered to you by email.");
                button(main, action, "cancel", "Leave the waiting list");
            }
            case OFFERED -> {
                main.appendElement("p").attr("role", "status").text("A place has become free and is held for you, " + name + ", until "
                        + WHEN.format(registration.offeredUntil().atZone(webinar.timezone())) + " (" + webinar.timezone().getId()
                        + "). If you do not take it by then, it goes to the next person on the list.");
                Element take = button(main, action, "take", "Take the place");
                if (hybrid) {
                    Element button = take.selectFirst("button");
                    AnswerFields.attendance(take, registration.attendance().orElse(null), stored.roomFull(), webinar.inPersonCapacity());
                    take.appendChild(button);
                }
                button(main, action, "cancel", "Leave the waiting list");
            }
        }
        return page.outerHtml();
    }

    /** A page that tells the outcome of a registration step, or why it could not be taken. */
    public String outcome(String heading, String message, Webinar webinar) {
        Document page = site.page(heading, null, message);
        Element main = page.getElementById("main");
        main.appendElement("h1").text(heading);
        if (webinar != null) {
            describe(main, webinar);
        }
        main.appendElement("p").attr("role", "status").text(message);
        main.appendElement("p").appendElement("a").attr("href", "/").text("Back to the S3 CoP catalogue");
        return page.outerHtml();
    }

    private static void describe(Element main, Webinar webinar) {
        main.appendElement("p").addClass("webinar").text("“" + webinar.title() + "”, " + WHEN.format(webinar.starts()) + " ("
                + webinar.timezone().getId() + "), " + webinar.duration().toMinutes() + " minutes, " + WorkingGroupNames.of(webinar.workingGroup())
                + " working group.");
    }

    private static Element button(Element main, String action, String value, String label) {
        Element form = main.appendElement("form").addClass("register").attr("method", "post").attr("action", action);
        form.appendElement("input").attr("type", "hidden").attr("name", "action").attr("value", value);
        form.appendElement("button").attr("type", "submit").text(label);
        return form;
    }
}
