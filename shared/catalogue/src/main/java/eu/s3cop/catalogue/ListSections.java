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
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/** The lists that the home page, the groups' pages and the search page share: briefs, upcoming webinars, recordings. */
final class ListSections {

    private ListSections() {
    }

    /** A list of publications, each work once: a translation shows on its original's entry, by its language. */
    static void publications(Element main, List<Publication> listings, String heading) {
        listings = listings.stream().filter(listing -> !listing.translation()).toList();
        Element section = SiteLayout.section(main, "list", heading);
        if (listings.isEmpty()) {
            section.appendElement("p").text("No publications yet.");
            return;
        }
        Element list = section.appendElement("ol").addClass("publications");
        for (Publication listing : listings) {
            publication(list, listing);
        }
    }

    /** Whose a publication is, in words: its working group, or the secretariat and the groups it speaks for. */
    static String byline(Publication publication) {
        return secretariat(publication) && !publication.workingGroups().isEmpty()
                ? WorkingGroupNames.author(publication.workingGroup()) + ", for the " + WorkingGroupNames.several(publication.workingGroups())
                : WorkingGroupNames.author(publication.workingGroup());
    }

    /**
     * The byline as links, after {@code text} in {@code parent}: to the group's page, or to each page of the groups
     * a secretariat's publication speaks for.
     */
    static Element byline(Element parent, Publication publication) {
        if (!secretariat(publication)) {
            return parent.appendElement("a").attr("href", SiteAddresses.workingGroup(publication.workingGroup()))
                    .text(WorkingGroupNames.author(publication.workingGroup())).parent();
        }
        parent.appendText(WorkingGroupNames.author(publication.workingGroup()));
        List<String> groups = publication.workingGroups();
        for (int i = 0; i < groups.size(); i++) {
            parent.appendText(i == 0 ? ", for the " : i == groups.size() - 1 ? " and " : ", ");
            parent.appendElement("a").attr("href", SiteAddresses.workingGroup(groups.get(i))).text(WorkingGroupNames.of(groups.get(i)));
        }
        if (!groups.isEmpty()) {
            parent.appendText(groups.size() == 1 ? " working group" : " working groups");
        }
        return parent;
    }

    private static boolean secretariat(Publication publication) {
        return WorkingGroupNames.SECRETARIAT.equals(publication.workingGroup());
    }

    /** A publication in a list: its title, what it is, its authors and summary, its download; the entry, for more. */
    static Element publication(Element list, Publication listing) {
        Element item = list.appendElement("li").appendElement("article").attr("aria-labelledby", "title-" + anchor(listing));
        item.appendElement("h3").attr("id", "title-" + anchor(listing)).appendElement("a").attr("href", SiteAddresses.publication(listing.id()))
                .text(listing.title());
        item.appendElement("p").addClass("meta").text(PublicationType.labelOf(listing.type()) + " · " + byline(listing)
                + " · " + listing.date() + " · version " + listing.latestVersion() + " · " + listing.pages() + " pages");
        item.appendElement("p").addClass("authors").text(String.join(", ", listing.authors()));
        if (!listing.summary().isEmpty()) {
            item.appendElement("p").addClass("summary").text(listing.summary());
        }
        languages(item, listing.translations());
        if (listing.readOnline()) {
            link(item, "read", SiteAddresses.reading(listing.id(), listing.latestVersion()), "Read online", listing.title());
            item.appendText(" ");
        }
        link(item, "download", SiteAddresses.download(listing.id()), "Download PDF", listing.title());
        return item;
    }

    /**
     * Upcoming webinars with their invites, and the registration form while registration is
     * open; the join link is never here (registrants get it by email).
     *
     * @param now what the page says of each webinar depends on it: the form, closed, or taking place
     */
    static void webinars(Element main, List<Webinar> webinars, Instant now) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
        entries(main, "webinars", "Upcoming webinars", webinars, (item, webinar) -> {
            // An online webinar is what the list is about; only an event in a room says where it is.
            String where = webinar.venue() == null ? "" : WebinarPage.format(webinar.format()) + ", " + webinar.venue().city() + " · ";
            item.appendElement("p").addClass("meta").text(when.format(webinar.starts()) + " (" + webinar.timezone().getId() + ") · "
                    + webinar.duration().toMinutes() + " minutes · " + where + WorkingGroupNames.of(webinar.workingGroup()) + " working group");
            if (!webinar.speakers().isEmpty()) {
                item.appendElement("p").addClass("authors").text(webinar.speakers().stream()
                        .map(speaker -> speaker.role().isEmpty() ? speaker.name() : speaker.name() + ", " + speaker.role())
                        .collect(Collectors.joining("; ")));
            }
            link(item, "invite", SiteAddresses.invite(webinar.id()), "Add to calendar", webinar.title());
            if (webinar.registrationOpen(now)) {
                // A listing does not know the places taken: a request for a full webinar leads to its waiting list.
                RegistrationPages.form(item, webinar, false);
            } else if (WebinarState.of(webinar, now) == WebinarState.LIVE) {
                item.appendElement("p").addClass("status").text("Taking place now.");
            } else if (!webinar.cancelled()) {
                item.appendElement("p").addClass("status").text("Registration is closed.");
            }
        });
    }

    /** Recent webinars whose recording is online, newest first, each linking to its page and to the recording. */
    static void recordings(Element main, List<Webinar> recordings) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        entries(main, "recordings", "Recent recordings", recordings, (item, webinar) -> {
            item.appendElement("p").addClass("meta").text(when.format(webinar.starts()) + " · " + WorkingGroupNames.of(webinar.workingGroup())
                    + " working group");
            link(item, "invite", webinar.recordingUrl(), "Watch the recording", webinar.title());
        });
    }

    /** A labelled section listing webinars, each entry its title linking to its page, then what {@code entry} adds; nothing when there are none. */
    private static void entries(Element main, String id, String heading, List<Webinar> webinars, BiConsumer<Element, Webinar> entry) {
        if (webinars.isEmpty()) {
            return;
        }
        Element list = SiteLayout.section(main, id, heading).appendElement("ul").addClass("webinars");
        for (Webinar webinar : webinars) {
            Element item = list.appendElement("li");
            item.appendElement("h3").appendElement("a").attr("href", SiteAddresses.webinar(webinar.id())).text(webinar.title());
            entry.accept(item, webinar);
        }
    }

    /** "Also in: Deutsch, Français", each language its version's page, named in itself; nothing for a work in one language. */
    static void languages(Element parent, java.util.Map<String, String> others) {
        if (others.isEmpty()) {
            return;
        }
        Element line = parent.appendElement("p").addClass("languages").text("Also in: ");
        int i = 0;
        for (java.util.Map.Entry<String, String> other : others.entrySet()) {
            line.appendElement("a").attr("href", SiteAddresses.publication(other.getValue())).attr("hreflang", other.getKey())
                    .attr("lang", other.getKey()).text(eu.s3cop.draft.LanguageNames.of(other.getKey()));
            line.appendText(++i < others.size() ? ", " : "");
        }
    }

    private static String anchor(Publication listing) {
        return listing.id().replace('/', '-');
    }

    /** A link whose words say what it does, and to a screen reader also what it is about: "Download PDF: <title>". */
    private static void link(Element parent, String kind, String href, String words, String about) {
        parent.appendElement("a").addClass(kind).attr("href", href).text(words)
                .appendElement("span").addClass("visually-hidden").text(": " + about);
    }
}
