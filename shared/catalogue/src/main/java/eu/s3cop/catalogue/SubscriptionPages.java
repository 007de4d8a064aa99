package eu.s3cop.catalogue;

import eu.s3cop.core.Durations;
import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.Subscriptions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The pages of news by email, which work without JavaScript as registering does: the form on
 * the home page (every new publication) and on each group's page (the group's), the answer that
 * says to check the inbox, and the page the emailed link opens, whose buttons post, so a mail
 * scanner that opens the link changes nothing. The token is only in that page's own address.
 */
public final class SubscriptionPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final SiteLayout site;

    public SubscriptionPages(List<String> workingGroups) {
        this.site = new SiteLayout(workingGroups);
    }

    /** What a subscription of this scope brings, in words: "every new publication", "the Innovation Diffusion working group's publications". */
    public static String scopeInWords(String scope) {
        return Subscriptions.ALL.equals(scope) ? "every new publication of the S3 CoP"
                : "new publications of the " + WorkingGroupNames.of(scope) + " working group";
    }

    /** The form, in a section of its own at the end of a page's main content. */
    static void form(Element main, String scope) {
        Element section = SiteLayout.section(main, "news", "News by email");
        section.appendElement("p").text("Get " + scopeInWords(scope) + " by email, as it is published or once a week.");
        Element form = section.appendElement("form").addClass("subscribe").attr("method", "post").attr("action", SiteAddresses.SUBSCRIPTIONS);
        form.appendElement("input").attr("type", "hidden").attr("name", "scope").attr("value", scope);
        Element email = form.appendElement("p");
        email.appendElement("label").attr("for", "news-email").text("Your email address");
        email.appendElement("input").attr("type", "email").attr("id", "news-email").attr("name", "email").attr("autocomplete", "email")
                .attr("maxlength", "254").attr("required", "");
        frequency(form, Subscriptions.Frequency.EACH);
        form.appendElement("p").addClass("consent").text("We email you a link to confirm. Your address is used only for this news; every"
                + " email has a link to unsubscribe, which deletes it at once.");
        form.appendElement("button").attr("type", "submit").text("Subscribe");
    }

    /** The answer to a request, the same whether the address was known or not. */
    public String requested(String scope) {
        Document page = site.page("Check your inbox", null, "A link to confirm the subscription is on its way by email.");
        Element main = page.getElementById("main");
        main.appendElement("h1").text("Check your inbox");
        main.appendElement("p").attr("role", "status").text("If the address can receive email, a message with a link is on its way. "
                + "Open it and press Confirm to get " + scopeInWords(scope) + ": until then nothing is sent.");
        main.appendElement("p").text("The link works for " + Durations.inWords(Registrations.PENDING_FOR) + ". If no message arrives,"
                + " look in your spam folder; asking again sends the link again at most " + Durations.once(Registrations.RESEND_AFTER) + ".");
        main.appendElement("p").appendElement("a").attr("href", SiteAddresses.HOME).text("Back to the S3 CoP catalogue");
        return page.outerHtml();
    }

    /** The page the emailed link opens: what the subscription brings, and buttons to confirm or change it and to unsubscribe. */
    public String subscription(Subscriptions.Subscription subscription, String token) {
        String heading = subscription.confirmed() ? "Your news by email" : "Confirm your subscription";
        Document page = site.page(heading, null, heading + ".");
        Element main = page.getElementById("main");
        main.appendElement("h1").text(heading);
        String action = SiteAddresses.subscription(token);
        if (subscription.confirmed()) {
            main.appendElement("p").attr("role", "status").text("This address gets " + scopeInWords(subscription.scope()) + ", "
                    + (subscription.frequency() == Subscriptions.Frequency.WEEKLY ? "once a week" : "as it is published") + ", until "
                    + DATE.format(subscription.until().atOffset(ZoneOffset.UTC)) + ". Subscribing again before then keeps it longer.");
            Element change = button(main, action, "confirm", "Save");
            frequency(change, subscription.frequency());
            change.appendChild(change.selectFirst("button"));
        } else {
            main.appendElement("p").text("Press Confirm to get " + scopeInWords(subscription.scope()) + " by email. Nothing is sent until you do.");
            Element confirm = button(main, action, "confirm", "Confirm");
            frequency(confirm, subscription.frequency());
            confirm.appendChild(confirm.selectFirst("button"));
        }
        button(main, action, "unsubscribe", subscription.confirmed() ? "Unsubscribe" : "Cancel this request");
        return page.outerHtml();
    }

    /** A page that tells the outcome of a step. */
    public String outcome(String heading, String message) {
        Document page = site.page(heading, null, message);
        Element main = page.getElementById("main");
        main.appendElement("h1").text(heading);
        main.appendElement("p").attr("role", "status").text(message);
        main.appendElement("p").appendElement("a").attr("href", SiteAddresses.HOME).text("Back to the S3 CoP catalogue");
        return page.outerHtml();
    }

    private static void frequency(Element form, Subscriptions.Frequency chosen) {
        Element choice = form.appendElement("fieldset");
        choice.appendElement("legend").text("How often");
        for (Subscriptions.Frequency frequency : Subscriptions.Frequency.values()) {
            String id = "frequency-" + frequency.code();
            Element option = choice.appendElement("p");
            Element input = option.appendElement("input").attr("type", "radio").attr("id", id).attr("name", "frequency").attr("value", frequency.code());
            if (frequency == chosen) {
                input.attr("checked", "");
            }
            option.appendElement("label").attr("for", id).text(frequency == Subscriptions.Frequency.EACH
                    ? "An email for each new publication or version" : "One email a week, with the week's publications");
        }
    }

    private static Element button(Element main, String action, String value, String label) {
        Element form = main.appendElement("form").addClass("subscribe").attr("method", "post").attr("action", action);
        form.appendElement("input").attr("type", "hidden").attr("name", "action").attr("value", value);
        form.appendElement("button").attr("type", "submit").text(label);
        return form;
    }
}
