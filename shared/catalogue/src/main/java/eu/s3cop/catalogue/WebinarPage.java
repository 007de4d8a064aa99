package eu.s3cop.catalogue;

import eu.s3cop.core.Durations;
import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.MaterialKind;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.model.WebinarState;
import eu.s3cop.webinar.store.StoredWebinar;
import eu.s3cop.webinar.store.WaitingList;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A webinar's own page, as the reader API answers a browser: what it is about, who speaks, when
 * (in its own zone and in UTC), whether it is online, in a room or both, and where, its agenda, its
 * slides and materials, how many places are left, the invite, and the registration form while
 * registration is open; once it is over, how many took part from how many countries, and the
 * recording when there is one. Never the join link, which only registrants receive.
 */
public final class WebinarPage {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    /**
     * A search on OpenStreetMap rather than a map in the page: a plain link loads nothing from
     * another site until the reader asks, and needs no script.
     */
    private static final String MAP_SEARCH = "https://www.openstreetmap.org/search?query=";

    private final SiteLayout site;

    public WebinarPage(List<String> workingGroups) {
        this.site = new SiteLayout(workingGroups);
    }

    /** The page of a webinar, as stored with the places taken. */
    public String page(StoredWebinar stored, Instant now) {
        Webinar webinar = stored.webinar();
        String description = SafeMarkdown.html(webinar.description());
        String summary = Jsoup.parse(description).text();
        String kind = webinar.format() == Format.ONLINE ? "Webinar" : "Event";
        Document page = site.page(webinar.title(), null, summary.isEmpty()
                ? kind + " of the " + WorkingGroupNames.of(webinar.workingGroup()) + " working group, " + LOCAL.format(webinar.starts()) + "."
                : summary.length() > 160 ? summary.substring(0, 157) + "..." : summary);
        Element main = page.getElementById("main");
        main.appendElement("h1").text(webinar.title());
        WebinarState state = WebinarState.of(webinar, now);
        main.appendElement("p").addClass("meta").text(kind + " of the ").appendElement("a")
                .attr("href", SiteAddresses.workingGroup(webinar.workingGroup())).text(WorkingGroupNames.of(webinar.workingGroup()) + " working group");
        main.appendElement("p").addClass("status").text(switch (state) {
            case UPCOMING -> "Upcoming";
            case LIVE -> "Taking place now";
            case PAST -> "Took place";
            case CANCELLED -> "Cancelled";
        });

        Element when = main.appendElement("dl").addClass("facts");
        fact(when, "When", LOCAL.format(webinar.starts()) + " (" + webinar.timezone().getId() + ")");
        fact(when, "In UTC", UTC.format(webinar.start()));
        fact(when, "Duration", webinar.duration().toMinutes() + " minutes");
        fact(when, "Format", format(webinar.format()));
        if (webinar.venue() != null) {
            venue(when, webinar.venue());
        }
        if (webinar.capacity() > 0 && state == WebinarState.UPCOMING) {
            fact(when, "Places left", stored.placesLeft() + " of " + webinar.capacity());
        }
        if (state == WebinarState.PAST && stored.figures().participants() > 0) {
            fact(when, "Participants", participation(stored.figures()));
        }

        if (!description.isEmpty()) {
            main.appendElement("section").attr("aria-labelledby", "about-heading").addClass("description")
                    .appendElement("h2").attr("id", "about-heading").text("About").parent().append(description);
        }
        if (!webinar.speakers().isEmpty()) {
            Element speakers = main.appendElement("section").attr("aria-labelledby", "speakers-heading");
            speakers.appendElement("h2").attr("id", "speakers-heading").text("Speakers");
            Element list = speakers.appendElement("ul");
            webinar.speakers().forEach(speaker -> list.appendElement("li")
                    .text(speaker.role().isEmpty() ? speaker.name() : speaker.name() + ", " + speaker.role()));
        }
        if (!webinar.agenda().isEmpty()) {
            agenda(main, webinar);
        }
        if (!stored.materials().isEmpty()) {
            materials(main, webinar.id(), stored.materials());
        }

        Element take = main.appendElement("section").attr("aria-labelledby", "take-part-heading");
        take.appendElement("h2").attr("id", "take-part-heading").text(state == WebinarState.PAST ? "Recording" : "Take part");
        switch (state) {
            case UPCOMING -> {
                take.appendElement("p").appendElement("a").addClass("invite").attr("href", SiteAddresses.invite(webinar.id()))
                        .text("Add to calendar");
                if (!webinar.registrationOpen(now)) {
                    take.appendElement("p").text("Registration closed on " + closes(webinar) + ".");
                } else if (stored.full()) {
                    take.appendElement("p").text("All places are taken. Join the waiting list: when a place frees up, the first in line"
                            + " is offered it by email and has " + Durations.inWords(WaitingList.OFFER_HELD_FOR) + " to take it."
                            + " Registration closes " + closes(webinar) + ".");
                    RegistrationPages.form(take, webinar, true);
                } else {
                    take.appendElement("p").text("Registration closes " + closes(webinar) + ".");
                    RegistrationPages.form(take, webinar, false);
                }
            }
            case LIVE -> take.appendElement("p").text(switch (webinar.format()) {
                case ONLINE -> "The webinar is taking place now; registrants have the link to join in their invite.";
                case HYBRID -> "The event is taking place now; registrants who attend online have the link to join in their invite.";
                case IN_PERSON -> "The event is taking place now.";
            });
            case PAST -> {
                if (webinar.recordingUrl().isEmpty()) {
                    take.appendElement("p").text("The recording is not online yet.");
                } else {
                    take.appendElement("p").appendElement("a").addClass("download").attr("href", webinar.recordingUrl())
                            .text("Watch the recording").appendElement("span").addClass("visually-hidden").text(": " + webinar.title());
                }
            }
            case CANCELLED -> take.appendElement("p").text("This " + kind.toLowerCase(Locale.ROOT) + " was cancelled.");
        }
        return page.outerHtml();
    }

    /** How many took part, and from how many countries: never which, nor how many from each. */
    static String participation(Figures figures) {
        int people = figures.participants();
        int countries = figures.countryCount();
        String participants = people + (people == 1 ? " participant" : " participants");
        return countries == 0 ? participants : participants + " from " + countries + (countries == 1 ? " country" : " countries");
    }

    /** How people take part, in the words of the event's page and of the lists. */
    static String format(Format format) {
        return switch (format) {
            case ONLINE -> "Online";
            case IN_PERSON -> "In person";
            case HYBRID -> "Online and in person";
        };
    }

    /** The venue as a postal address reads, line by line, and a link to find it on a map. */
    private static void venue(Element list, Venue venue) {
        list.appendElement("dt").text("Venue");
        Element place = list.appendElement("dd").addClass("venue");
        place.appendText(venue.name());
        if (!venue.address().isEmpty()) {
            place.appendElement("br");
            place.appendText(venue.address());
        }
        place.appendElement("br");
        place.appendText(venue.city() + ", " + venue.countryName());
        place.appendElement("br");
        place.appendElement("a").attr("href", MAP_SEARCH + URLEncoder.encode(venue.line(), StandardCharsets.UTF_8))
                .text("Find it on OpenStreetMap").appendElement("span").addClass("visually-hidden").text(": " + venue.name());
    }

    /** The sessions as a table, each row headed by its times, which are the event's local time. */
    private static void agenda(Element main, Webinar webinar) {
        Element section = main.appendElement("section").attr("aria-labelledby", "agenda-heading");
        section.appendElement("h2").attr("id", "agenda-heading").text("Agenda");
        boolean speakers = webinar.agenda().stream().anyMatch(session -> !session.speakers().isEmpty());
        Element table = section.appendElement("table").addClass("agenda");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").attr("scope", "col").text("Time (" + webinar.timezone().getId() + ")");
        head.appendElement("th").attr("scope", "col").text("Session");
        if (speakers) {
            head.appendElement("th").attr("scope", "col").text("Speakers");
        }
        Element body = table.appendElement("tbody");
        for (Webinar.Session session : webinar.agenda()) {
            Element row = body.appendElement("tr");
            row.appendElement("th").attr("scope", "row").text(session.starts() + "\u2013" + session.ends());
            row.appendElement("td").text(session.title());
            if (speakers) {
                row.appendElement("td").text(String.join(", ", session.speakers()));
            }
        }
    }

    /**
     * The files the secretariat gave the event, before or after it: each a download under its own
     * name, with what kind of file it is and how big, so a reader on a slow line knows before.
     */
    private static void materials(Element main, String id, List<Material> materials) {
        Element section = main.appendElement("section").attr("aria-labelledby", "materials-heading").addClass("materials");
        section.appendElement("h2").attr("id", "materials-heading").text("Slides and materials");
        Element list = section.appendElement("ul");
        for (Material material : materials) {
            Element item = list.appendElement("li");
            item.appendElement("a").attr("href", SiteAddresses.material(id, material.name())).text(material.name());
            item.appendText(" (" + kind(material.kind()) + ", " + size(material.size()) + ")");
        }
    }

    /** What a kind of material is called in the page's words. */
    static String kind(MaterialKind kind) {
        return switch (kind) {
            case PDF -> "PDF";
            case PPTX -> "PowerPoint presentation";
            case DOCX -> "Word document";
            case XLSX -> "Excel workbook";
            case ODP -> "OpenDocument presentation";
        };
    }

    /** A size as a download manager shows it, in thousands (kB, MB) rather than in powers of two. */
    static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        long kilobytes = Math.round(bytes / 1_000.0);
        if (kilobytes < 1_000) {
            return kilobytes + " kB";
        }
        double megabytes = bytes / 1_000_000.0;
        // A tenth of a megabyte says something about a small file; about a large one, nothing.
        return megabytes < 9.95 ? String.format(Locale.UK, "%.1f MB", megabytes) : Math.round(megabytes) + " MB";
    }

    private static String closes(Webinar webinar) {
        return LOCAL.format(webinar.closes().atZone(webinar.timezone())) + " (" + webinar.timezone().getId() + ")";
    }

    private static void fact(Element list, String term, String value) {
        list.appendElement("dt").text(term);
        list.appendElement("dd").text(value);
    }
}
