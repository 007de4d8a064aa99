package eu.s3cop.catalogue;

import eu.s3cop.groups.WorkingGroupRegistry;
import eu.s3cop.publications.Publication;
import eu.s3cop.webinar.model.Webinar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The catalogue's pages, built as documents so that every title, name and summary is escaped:
 * landmarks, one h1 per page, labelled search, no JavaScript. Download buttons point at the
 * API's download route, which hands out a fresh presigned link each time.
 */
public final class SitePages {

    public static final String COMMUNITY = "European Smart Specialisation Community of Practice";

    /**
     * How many of the newest briefs the home page, the feed and each working group's page show.
     * The rest are a search away: a page that grew with the catalogue would cost every publication
     * more and serve readers worse.
     */
    public static final int LATEST = 30;

    /**
     * The stylesheet, in each page rather than in a file of its own: two kilobytes, so a first
     * visit needs one request instead of two, and a publication writes one object fewer, with no
     * moment when a page and its stylesheet disagree.
     */
    private static final String CSS = stylesheet();

    /** The community's mark: its initials in white on the catalogue's blue. */
    private static final String FAVICON = "data:image/svg+xml," + java.net.URLEncoder.encode(
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='4' fill='#003a70'/>"
                    + "<text x='16' y='22' font-family='Arial,sans-serif' font-size='15' font-weight='bold' fill='#fff' text-anchor='middle'>S3</text></svg>",
            StandardCharsets.UTF_8).replace("+", "%20");

    private final List<String> workingGroups;

    public SitePages(List<String> workingGroups) {
        this.workingGroups = List.copyOf(workingGroups);
    }

    /**
     * The home page: upcoming webinars and the newest briefs.
     *
     * @param latest the newest briefs, newest first; when there are more than {@link #LATEST}, the
     *     page shows that many and points to the working groups' pages and the search for the rest
     */
    public String index(List<Publication> latest, List<Webinar> webinars, List<Webinar> recordings) {
        Document page = page("Publications", null, "Concept notes, input notes, policy briefs, meeting summaries and webinars"
                + " of the working groups of the " + COMMUNITY + ".");
        Element main = page.getElementById("main");
        main.appendElement("h1").text("Publications");
        main.appendElement("p").addClass("lead").text("Concept notes, input notes, policy briefs and meeting summaries of the S3 CoP working groups.");
        search(main, "");
        webinars(main, webinars);
        recordings(main, recordings);
        if (latest.size() > LATEST) {
            list(main, latest.subList(0, LATEST), "Latest publications");
            Element more = main.appendElement("p").addClass("more").text("Older publications are on each working group's page: ");
            for (int i = 0; i < workingGroups.size(); i++) {
                String group = workingGroups.get(i);
                more.appendElement("a").attr("href", "/working-groups/" + group + ".html").text(name(group));
                more.appendText(i < workingGroups.size() - 1 ? ", " : ". Search finds them all.");
            }
        } else {
            list(main, latest, "All publications");
        }
        return page.outerHtml();
    }

    /** Where a working group's own Atom feed is in the site bucket, and on the site under its root. */
    public static String groupFeed(String workingGroup) {
        return "working-groups/" + workingGroup + "/feed.xml";
    }

    /**
     * A working group's page: what the secretariat's registry says of it (objective, approach,
     * main focus, participants with members by country, meetings, expected outputs), then its
     * upcoming webinars, recent recordings and newest briefs, and its own feed and calendar.
     *
     * @param registry the group's registry; empty before the secretariat's first file, when the
     *     page says that no participants are listed yet
     * @param listings the group's newest briefs, newest first; when there are more than
     *     {@link #LATEST}, the page shows that many and links to the search page of all of them
     */
    public String workingGroup(String workingGroup, Optional<WorkingGroupRegistry> registry, List<Publication> listings,
            List<Webinar> webinars, List<Webinar> recordings) {
        String name = name(workingGroup) + " working group";
        Document page = page(name, workingGroup, "Objective, participants, meetings, publications and webinars of the " + name
                + " of the " + COMMUNITY + ".");
        page.head().appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("href", "/" + groupFeed(workingGroup)).attr("title", "New publications of the " + name);
        Element main = page.getElementById("main");
        main.appendElement("h1").text(name);
        search(main, "");
        registry.ifPresent(known -> {
            text(main, "objective", "Objective", known.objective());
            text(main, "approach", "Approach", known.approach());
            text(main, "focus", "Main focus", known.mainFocus());
        });
        participants(main, registry.filter(WorkingGroupRegistry::hasParticipants));
        registry.ifPresent(known -> {
            meetings(main, known.meetings());
            if (!known.expectedOutputs().isEmpty()) {
                Element outputs = section(main, "outputs", "Expected outputs").appendElement("ul");
                known.expectedOutputs().forEach(output -> outputs.appendElement("li").text(output));
            }
        });
        webinars(main, webinars);
        recordings(main, recordings);
        if (listings.size() > LATEST) {
            list(main, listings.subList(0, LATEST), "Latest publications of the " + name);
            main.appendElement("p").addClass("more").appendElement("a").attr("href", "/publications?working_group=" + workingGroup)
                    .text("All publications of the " + name);
        } else {
            list(main, listings, "Publications of the " + name);
        }
        Element follow = section(main, "follow", "Follow the " + name).appendElement("ul");
        follow.appendElement("li").appendElement("a").attr("href", "/" + groupFeed(workingGroup)).text("New publications (Atom feed)");
        follow.appendElement("li").appendElement("a").attr("href", "/calendar.ics?working_group=" + workingGroup)
                .text("All its webinars, for your calendar (iCalendar)");
        return page.outerHtml();
    }

    /** A labelled section of the page, its heading an h2; the section, for its content. */
    private static Element section(Element main, String id, String heading) {
        Element section = main.appendElement("section").attr("aria-labelledby", id + "-heading");
        section.appendElement("h2").attr("id", id + "-heading").text(heading);
        return section;
    }

    /** A section of the secretariat's Markdown, made safe; nothing when the registry leaves it empty. */
    private static void text(Element main, String id, String heading, String markdown) {
        String html = SafeMarkdown.html(markdown);
        if (!html.isEmpty()) {
            section(main, id, heading).appendElement("div").addClass("text").append(html);
        }
    }

    /** The leader, chair and rapporteur, then the members by country; or that none are listed yet. */
    private static void participants(Element main, Optional<WorkingGroupRegistry> registry) {
        Element section = section(main, "participants", "Participants");
        if (registry.isEmpty()) {
            section.appendElement("p").text("No participants are listed yet.");
            return;
        }
        Map<String, WorkingGroupRegistry.Person> roles = registry.get().roles();
        if (!roles.isEmpty()) {
            Element list = section.appendElement("dl").addClass("roles");
            roles.forEach((role, person) -> {
                list.appendElement("dt").text(role);
                list.appendElement("dd").text(person.shown());
            });
        }
        List<WorkingGroupRegistry.Person> members = registry.get().members();
        if (!members.isEmpty()) {
            section.appendElement("h3").text("Members");
            section.appendElement("p").text(members.size() + (members.size() == 1 ? " member" : " members") + ", by country.");
            Element list = section.appendElement("dl").addClass("members");
            registry.get().membersByCountry().forEach((country, people) -> {
                list.appendElement("dt").text(country);
                people.forEach(person -> list.appendElement("dd").text(person.name()));
            });
        }
    }

    private static void meetings(Element main, List<WorkingGroupRegistry.Meeting> meetings) {
        if (meetings.isEmpty()) {
            return;
        }
        Element list = section(main, "meetings", "Meetings").appendElement("ul").addClass("meetings");
        for (WorkingGroupRegistry.Meeting meeting : meetings) {
            Element item = list.appendElement("li");
            item.appendElement("time").attr("datetime", meeting.date()).text(meeting.shownDate());
            item.appendText(": " + meeting.title());
        }
    }

    /** Upcoming webinars with their invites; the join link is never here (registrants get it by email). */
    private static void webinars(Element main, List<Webinar> webinars) {
        if (webinars.isEmpty()) {
            return;
        }
        Element list = webinarList(main, "webinars", "Upcoming webinars");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
        for (Webinar webinar : webinars) {
            Element item = webinarItem(list, webinar);
            item.appendElement("p").addClass("meta").text(when.format(webinar.starts()) + " (" + webinar.timezone().getId() + ") · "
                    + webinar.duration().toMinutes() + " minutes · " + name(webinar.workingGroup()) + " working group");
            if (!webinar.speakers().isEmpty()) {
                item.appendElement("p").addClass("authors").text(webinar.speakers().stream()
                        .map(speaker -> speaker.role().isEmpty() ? speaker.name() : speaker.name() + ", " + speaker.role())
                        .collect(Collectors.joining("; ")));
            }
            item.appendElement("a").addClass("invite").attr("href", "/webinars/" + webinar.id() + "/invite.ics")
                    .text("Add to calendar").appendElement("span").addClass("visually-hidden").text(": " + webinar.title());
            if (!webinar.cancelled()) {
                RegistrationPages.form(item, webinar);
            }
        }
    }

    /** A labelled section holding a list of webinars; the list, for their items. */
    private static Element webinarList(Element main, String id, String heading) {
        return section(main, id, heading).appendElement("ul").addClass("webinars");
    }

    /** A webinar's entry, its title linking to its page. */
    private static Element webinarItem(Element list, Webinar webinar) {
        Element item = list.appendElement("li");
        item.appendElement("h3").appendElement("a").attr("href", "/webinars/" + webinar.id()).text(webinar.title());
        return item;
    }

    /** Recent webinars whose recording is online, newest first, each linking to its page and to the recording. */
    private static void recordings(Element main, List<Webinar> recordings) {
        if (recordings.isEmpty()) {
            return;
        }
        Element list = webinarList(main, "recordings", "Recent recordings");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        for (Webinar webinar : recordings) {
            Element item = webinarItem(list, webinar);
            item.appendElement("p").addClass("meta").text(when.format(webinar.starts()) + " · " + name(webinar.workingGroup()) + " working group");
            item.appendElement("a").addClass("invite").attr("href", webinar.recordingUrl())
                    .text("Watch the recording").appendElement("span").addClass("visually-hidden").text(": " + webinar.title());
        }
    }

    /**
     * What a search was narrowed to, and the types it could be narrowed to; a field not chosen is "".
     *
     * @param types the publication types a search can choose from, as their codes
     */
    public record Filters(String workingGroup, String type, String year, List<String> types) {

        public Filters {
            types = List.copyOf(types);
        }

        public static Filters none() {
            return new Filters("", "", "", List.of());
        }
    }

    /** The page a browser gets for a search of the catalogue that found all it shows. */
    public String results(String query, List<Publication> listings) {
        return results(query, Filters.none(), listings, null);
    }

    /** The page a browser gets for a search of the catalogue, unfiltered. */
    public String results(String query, List<Publication> listings, String next) {
        return results(query, Filters.none(), listings, next);
    }

    /**
     * The page a browser gets for a search of the catalogue: the search form with its filters
     * (working group, type, year) as they were chosen, and the matches.
     *
     * @param next the address of the following page of matches, or null when this page has the last of them
     */
    public String results(String query, Filters filters, List<Publication> listings, String next) {
        Document page = page(query.isEmpty() ? "Publications" : "Search: " + query, null, "Search the publications of the " + COMMUNITY + ".");
        Element main = page.getElementById("main");
        main.appendElement("h1").text("Search results");
        Element form = search(main, query);
        if (!filters.types().isEmpty()) {
            Element button = form.selectFirst("button");
            select(button, "working_group", "Working group", workingGroups, filters.workingGroup(), SitePages::name);
            select(button, "type", "Type", filters.types(), filters.type(), SitePages::typeName);
            button.before(new Element("label").attr("for", "year").text("Year"));
            button.before(new Element("input").attr("type", "text").attr("id", "year").attr("name", "year").attr("value", filters.year())
                    .attr("inputmode", "numeric").attr("pattern", "[0-9]{4}").attr("maxlength", "4").attr("size", "4"));
        }
        String count = listings.size() + (listings.size() == 1 ? " publication" : " publications");
        String found = query.isEmpty() ? count : count + (listings.size() == 1 ? " matches " : " match ") + "“" + query + "”";
        main.appendElement("p").attr("role", "status").text(next == null ? found + "." : "Showing " + found + "; more follow.");
        list(main, listings, "Matching publications");
        if (next != null) {
            main.appendElement("p").addClass("more").appendElement("a").attr("rel", "next").attr("href", next).text("More publications");
        }
        return page.outerHtml();
    }

    /**
     * A page of the site's shell: its header, navigation and footer around an empty main landmark.
     *
     * @param description what search engines and link previews say of the page
     */
    Document page(String title, String current, String description) {
        Document document = Document.createShell("");
        // Without it a browser lays the page out in quirks mode and validators reject it.
        document.prependChild(new DocumentType("html", "", ""));
        document.outputSettings().prettyPrint(true).charset("UTF-8");
        document.selectFirst("html").attr("lang", "en");
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title + " · S3 CoP");
        head.appendElement("meta").attr("name", "description").attr("content", description);
        // In the page, as the stylesheet is: no request of its own, and nothing to keep in step.
        head.appendElement("link").attr("rel", "icon").attr("type", "image/svg+xml").attr("href", FAVICON);
        head.appendElement("style").appendChild(new DataNode(CSS));
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml").attr("href", "/feed.xml")
                .attr("title", "New S3 CoP publications");
        Element body = document.body();
        body.appendElement("a").addClass("skip").attr("href", "#main").text("Skip to the publications");
        Element header = body.appendElement("header");
        header.appendElement("p").addClass("community").appendElement("a").attr("href", "/").text(COMMUNITY + " (S3 CoP)");
        Element nav = header.appendElement("nav").attr("aria-label", "Working groups");
        Element menu = nav.appendElement("ul");
        Element all = menu.appendElement("li").appendElement("a").attr("href", "/").text("All publications");
        if (current == null) {
            all.attr("aria-current", "page");
        }
        for (String group : workingGroups) {
            Element link = menu.appendElement("li").appendElement("a").attr("href", "/working-groups/" + group + ".html").text(name(group));
            if (group.equals(current)) {
                link.attr("aria-current", "page");
            }
        }
        body.appendElement("main").attr("id", "main");
        Element footer = body.appendElement("footer");
        footer.appendElement("p").text("Briefs are accessible PDF (PDF/UA) and archival PDF (PDF/A). ")
                .appendElement("a").attr("href", "/feed.xml").text("Follow new publications (Atom feed)");
        return document;
    }

    private static Element search(Element main, String query) {
        Element form = main.appendElement("form").attr("role", "search").attr("action", "/publications").attr("method", "get");
        form.appendElement("label").attr("for", "q").text("Search publications");
        form.appendElement("input").attr("type", "search").attr("id", "q").attr("name", "q").attr("value", query)
                .attr("maxlength", "200");
        form.appendElement("button").attr("type", "submit").text("Search");
        return form;
    }

    /** A labelled choice, placed before {@code anchor}: "Any" (sent as nothing) or one of the codes, shown by their names. */
    private static void select(Element anchor, String name, String label, List<String> codes, String chosen,
            java.util.function.Function<String, String> shown) {
        anchor.before(new Element("label").attr("for", name).text(label));
        Element select = new Element("select").attr("id", name).attr("name", name);
        select.appendElement("option").attr("value", "").text("Any");
        for (String code : codes) {
            Element option = select.appendElement("option").attr("value", code).text(shown.apply(code));
            if (code.equals(chosen)) {
                option.attr("selected", "");
            }
        }
        anchor.before(select);
    }

    private static void list(Element main, List<Publication> listings, String heading) {
        Element section = section(main, "list", heading);
        if (listings.isEmpty()) {
            section.appendElement("p").text("No publications yet.");
            return;
        }
        Element list = section.appendElement("ol").addClass("publications");
        for (Publication listing : listings) {
            Element item = list.appendElement("li").appendElement("article").attr("aria-labelledby", "title-" + anchor(listing));
            item.appendElement("h3").attr("id", "title-" + anchor(listing)).appendElement("a").attr("href", "/publications/" + listing.id())
                    .text(listing.title());
            item.appendElement("p").addClass("meta").text(typeName(listing.type()) + " · " + name(listing.workingGroup())
                    + " working group · " + listing.date() + " · version " + listing.latestVersion() + " · " + listing.pages() + " pages");
            item.appendElement("p").addClass("authors").text(String.join(", ", listing.authors()));
            if (!listing.summary().isEmpty()) {
                item.appendElement("p").addClass("summary").text(listing.summary());
            }
            item.appendElement("a").addClass("download").attr("href", "/publications/" + listing.id() + "/download")
                    .text("Download PDF").appendElement("span").addClass("visually-hidden").text(": " + listing.title());
        }
    }

    private static String stylesheet() {
        try (InputStream in = SitePages.class.getResourceAsStream("/eu/s3cop/catalogue/site.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The catalogue's stylesheet is missing from its jar", e);
        }
    }

    private static String anchor(Publication listing) {
        return listing.id().replace('/', '-');
    }

    public static String name(String code) {
        return Arrays.stream(code.split("-"))
                .map(word -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(" "));
    }

    static String typeName(String code) {
        String spaced = code.replace('-', ' ');
        return spaced.isEmpty() ? spaced : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
