package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.groups.WorkingGroupRegistry;
import eu.s3cop.publications.Publication;
import eu.s3cop.webinar.model.Webinar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The catalogue's own pages, the home page, each working group's and the search page, built as
 * documents so that every title, name and summary is escaped: landmarks, one h1 per page,
 * labelled search, no JavaScript. Download buttons point at the API's download route, which
 * hands out a fresh presigned link each time.
 */
public final class SitePages {

    public static final String COMMUNITY = eu.s3cop.draft.WorkingGroupNames.COMMUNITY;

    /**
     * How many of the newest briefs the home page, the feed and each working group's page show.
     * The rest are a search away: a page that grew with the catalogue would cost every publication
     * more and serve readers worse.
     */
    public static final int LATEST = 30;

    private final List<String> workingGroups;
    private final SiteLayout layout;

    public SitePages(List<String> workingGroups) {
        this.workingGroups = List.copyOf(workingGroups);
        this.layout = new SiteLayout(workingGroups);
    }

    /**
     * The home page: upcoming webinars and the newest briefs.
     *
     * @param latest the newest briefs, newest first; when there are more than {@link #LATEST}, the
     *     page shows that many and points to the working groups' pages and the search for the rest
     * @param now the moment the page is for: what it says of each webinar depends on it
     */
    public String index(List<Publication> latest, List<Webinar> webinars, List<Webinar> recordings, Instant now) {
        Document page = layout.page("Publications", null, "Concept notes, input notes, policy briefs, meeting summaries and webinars"
                + " of the working groups of the " + COMMUNITY + ".");
        Element main = page.getElementById("main");
        main.appendElement("h1").text("Publications");
        main.appendElement("p").addClass("lead").text("Concept notes, input notes, policy briefs and meeting summaries of the S3 CoP working groups.");
        SiteLayout.search(main, "");
        ListSections.webinars(main, webinars, now);
        ListSections.recordings(main, recordings);
        if (latest.size() > LATEST) {
            ListSections.publications(main, latest.subList(0, LATEST), "Latest publications");
            Element more = main.appendElement("p").addClass("more").text("Older publications are on each working group's page: ");
            for (int i = 0; i < workingGroups.size(); i++) {
                String group = workingGroups.get(i);
                more.appendElement("a").attr("href", SiteAddresses.workingGroup(group)).text(WorkingGroupNames.of(group));
                more.appendText(i < workingGroups.size() - 1 ? ", " : ". Search finds them all.");
            }
        } else {
            ListSections.publications(main, latest, "All publications");
        }
        SubscriptionPages.form(main, eu.s3cop.webinar.store.Subscriptions.ALL);
        return page.outerHtml();
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
     * @param now the moment the page is for: what it says of each webinar depends on it
     */
    public String workingGroup(String workingGroup, Optional<WorkingGroupRegistry> registry, List<Publication> listings,
            List<Webinar> webinars, List<Webinar> recordings, Instant now) {
        String name = WorkingGroupNames.of(workingGroup) + " working group";
        Document page = layout.page(name, workingGroup, "Objective, participants, meetings, publications and webinars of the " + name
                + " of the " + COMMUNITY + ".");
        page.head().appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("href", SiteAddresses.workingGroupFeed(workingGroup)).attr("title", "New publications of the " + name);
        Element main = page.getElementById("main");
        main.appendElement("h1").text(name);
        SiteLayout.search(main, "");
        registry.ifPresent(known -> {
            RegistrySections.text(main, "objective", "Objective", known.objective());
            RegistrySections.text(main, "approach", "Approach", known.approach());
            RegistrySections.text(main, "focus", "Main focus", known.mainFocus());
        });
        RegistrySections.participants(main, registry.filter(WorkingGroupRegistry::hasParticipants));
        registry.ifPresent(known -> {
            RegistrySections.meetings(main, known.meetings());
            if (!known.expectedOutputs().isEmpty()) {
                Element outputs = SiteLayout.section(main, "outputs", "Expected outputs").appendElement("ul");
                known.expectedOutputs().forEach(output -> outputs.appendElement("li").text(output));
            }
        });
        ListSections.webinars(main, webinars, now);
        ListSections.recordings(main, recordings);
        if (listings.size() > LATEST) {
            ListSections.publications(main, listings.subList(0, LATEST), "Latest publications of the " + name);
            main.appendElement("p").addClass("more").appendElement("a").attr("href", SiteAddresses.workingGroupSearch(workingGroup))
                    .text("All publications of the " + name);
        } else {
            ListSections.publications(main, listings, "Publications of the " + name);
        }
        Element follow = SiteLayout.section(main, "follow", "Follow the " + name).appendElement("ul");
        follow.appendElement("li").appendElement("a").attr("href", SiteAddresses.workingGroupFeed(workingGroup)).text("New publications (Atom feed)");
        follow.appendElement("li").appendElement("a").attr("href", SiteAddresses.calendar(workingGroup))
                .text("All its webinars, for your calendar (iCalendar)");
        SubscriptionPages.form(main, workingGroup);
        return page.outerHtml();
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
        Document page = layout.page(query.isEmpty() ? "Publications" : "Search: " + query, null, "Search the publications of the " + COMMUNITY + ".");
        Element main = page.getElementById("main");
        main.appendElement("h1").text("Search results");
        Element form = SiteLayout.search(main, query);
        if (!filters.types().isEmpty()) {
            Element button = form.selectFirst("button");
            SiteLayout.select(button, "working_group", "Working group", workingGroups, filters.workingGroup(), WorkingGroupNames::of);
            SiteLayout.select(button, "type", "Type", filters.types(), filters.type(), PublicationType::labelOf);
            button.before(new Element("label").attr("for", "year").text("Year"));
            button.before(new Element("input").attr("type", "text").attr("id", "year").attr("name", "year").attr("value", filters.year())
                    .attr("inputmode", "numeric").attr("pattern", "[0-9]{4}").attr("maxlength", "4").attr("size", "4"));
        }
        String count = listings.size() + (listings.size() == 1 ? " publication" : " publications");
        String found = query.isEmpty() ? count : count + (listings.size() == 1 ? " matches " : " match ") + "“" + query + "”";
        main.appendElement("p").attr("role", "status").text(next == null ? found + "." : "Showing " + found + "; more follow.");
        ListSections.publications(main, listings, "Matching publications");
        if (next != null) {
            main.appendElement("p").addClass("more").appendElement("a").attr("rel", "next").attr("href", next).text("More publications");
        }
        return page.outerHtml();
    }
}
