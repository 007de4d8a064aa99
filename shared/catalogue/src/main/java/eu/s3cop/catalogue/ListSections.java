package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.publications.Publication;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.model.WebinarState;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/** The lists that the home page, the groups' pages and the search page share: briefs, upcoming webinars, recordings. */
final class ListSections {

    private ListSections() {
    }

    static void publications(Element main, List<Publication> listings, String heading) {
        Element section = SiteLayout.section(main, "list", heading);
        if (listings.isEmpty()) {
            section.appendElement("p").text("No publications yet.");
            return;
        }
        Element list = section.appendElement("ol").addClass("publications");
        for (Publication listing : listings) {
            Element item = list.appendElement("li").appendElement("article").attr("aria-labelledby", "title-" + anchor(listing));
            item.appendElement("h3").attr("id", "title-" + anchor(listing)).appendElement("a").attr("href", SiteAddresses.publication(listing.id()))
                    .text(listing.title());
            item.appendElement("p").addClass("meta").text(PublicationType.labelOf(listing.type()) + " · " + WorkingGroupNames.of(listing.workingGroup())
                    + " working group · " + listing.date() + " · version " + listing.latestVersion() + " · " + listing.pages() + " pages");
            item.appendElement("p").addClass("authors").text(String.join(", ", listing.authors()));
            if (!listing.summary().isEmpty()) {
                item.appendElement("p").addClass("summary").text(listing.summary());
            }
            item.appendElement("a").addClass("download").attr("href", SiteAddresses.download(listing.id()))
                    .text("Download PDF").appendElement("span").addClass("visually-hidden").text(": " + listing.title());
        }
    }

    /**
     * Upcoming webinars with their invites, and the registration form while registration is
     * open; the join link is never here (registrants get it by email).
     *
     * @param now what the page says of each webinar depends on it: the form, closed, or taking place
     */
    static void webinars(Element main, List<Webinar> webinars, Instant now) {
        if (webinars.isEmpty()) {
            return;
        }
        Element list = webinarList(main, "webinars", "Upcoming webinars");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
        for (Webinar webinar : webinars) {
            Element item = webinarItem(list, webinar);
            item.appendElement("p").addClass("meta").text(when.format(webinar.starts()) + " (" + webinar.timezone().getId() + ") · "
                    + webinar.duration().toMinutes() + " minutes · " + WorkingGroupNames.of(webinar.workingGroup()) + " working group");
            if (!webinar.speakers().isEmpty()) {
                item.appendElement("p").addClass("authors").text(webinar.speakers().stream()
                        .map(speaker -> speaker.role().isEmpty() ? speaker.name() : speaker.name() + ", " + speaker.role())
                        .collect(Collectors.joining("; ")));
            }
            item.appendElement("a").addClass("invite").attr("href", SiteAddresses.invite(webinar.id()))
                    .text("Add to calendar").appendElement("span").addClass("visually-hidden").text(": " + webinar.title());
            if (webinar.registrationOpen(now)) {
                RegistrationPages.form(item, webinar);
            } else if (WebinarState.of(webinar, now) == WebinarState.LIVE) {
                item.appendElement("p").addClass("status").text("Taking place now.");
            } else if (!webinar.cancelled()) {
                item.appendElement("p").addClass("status").text("Registration is closed.");
            }
        }
    }

    /** A labelled section holding a list of webinars; the list, for their items. */
    private static Element webinarList(Element main, String id, String heading) {
        return SiteLayout.section(main, id, heading).appendElement("ul").addClass("webinars");
    }

    /** A webinar's entry, its title linking to its page. */
    private static Element webinarItem(Element list, Webinar webinar) {
        Element item = list.appendElement("li");
        item.appendElement("h3").appendElement("a").attr("href", SiteAddresses.webinar(webinar.id())).text(webinar.title());
        return item;
    }

    /** Recent webinars whose recording is online, newest first, each linking to its page and to the recording. */
    static void recordings(Element main, List<Webinar> recordings) {
        if (recordings.isEmpty()) {
            return;
        }
        Element list = webinarList(main, "recordings", "Recent recordings");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        for (Webinar webinar : recordings) {
            Element item = webinarItem(list, webinar);
            item.appendElement("p").addClass("meta").text(when.format(webinar.starts()) + " · " + WorkingGroupNames.of(webinar.workingGroup()) + " working group");
            item.appendElement("a").addClass("invite").attr("href", webinar.recordingUrl())
                    .text("Watch the recording").appendElement("span").addClass("visually-hidden").text(": " + webinar.title());
        }
    }

    private static String anchor(Publication listing) {
        return listing.id().replace('/', '-');
    }
}
