package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.groups.store.DynamoDbRegistryStore;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationListings;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the catalogue in the site bucket from the tables, and is the only code that does: the
 * home page and the Atom feed, and per working group a page (with its registry) and a feed of its
 * own (each page carries its stylesheet). Only published briefs are in the listing index, so
 * drafts and rejected uploads can never appear. A refresh rewrites the pages that what changed
 * shows on, each from what is stored, so a repeated refresh writes the same pages; refreshes must
 * not overlap (the function runs one at a time), or an older one could finish last.
 */
public final class CatalogueSite {

    /**
     * What changed, as the tables' streams and the clock tell it; a refresh rewrites what these
     * changes show on and nothing else.
     *
     * @param listedIn the working groups of newly listed briefs
     * @param webinars the webinars whose item changed: their file, or the places taken
     * @param registries the working groups whose registry changed
     * @param scheduled whether the clock asks: a webinar's registration closing, start or end may
     *     have passed since the last scheduled refresh
     */
    public record Changes(Set<String> listedIn, Set<String> webinars, Set<String> registries, boolean scheduled) {

        public Changes {
            listedIn = Set.copyOf(listedIn);
            webinars = Set.copyOf(webinars);
            registries = Set.copyOf(registries);
        }

        public static Changes listed(Set<String> groups) {
            return new Changes(groups, Set.of(), Set.of(), false);
        }
    }

    /** How many of the newest recordings the home page and each working group's page show. */
    static final int RECORDINGS = 5;

    /**
     * How far back a scheduled refresh looks for a webinar's milestone: two of the schedule's
     * five-minute periods, so that one run that failed for good is made good by the next. A page
     * rewritten twice is the same page.
     */
    public static final Duration MILESTONE_WINDOW = Duration.ofMinutes(10);

    private final S3Client s3;
    private final PublicationListings publications;
    private final String siteBucket;
    private final java.net.URI siteUrl;
    private final DynamoDbWebinarStore webinars;
    private final DynamoDbRegistryStore registries;
    private final List<String> workingGroups;
    private final SitePages pages;
    /**
     * Working groups seen to have a published brief. A brief, once published, stays listed (there
     * is no unpublishing), so what is known here never turns false, and asking the index again
     * whether such a group has any brief would only cost a query on every publication.
     */
    private final Set<String> groupsWithBriefs = ConcurrentHashMap.newKeySet();

    public CatalogueSite(S3Client s3, DynamoDbClient dynamoDb, SiteConfig config) {
        this.s3 = s3;
        this.publications = new PublicationListings(dynamoDb, config.publicationsTable());
        this.webinars = new DynamoDbWebinarStore(dynamoDb, config.webinarsTable());
        this.registries = new DynamoDbRegistryStore(dynamoDb, config.webinarsTable());
        this.siteBucket = config.siteBucket();
        this.siteUrl = config.siteUrl();
        this.workingGroups = config.workingGroups();
        this.pages = new SitePages(workingGroups);
    }

    /** Lays out the pages and the feed of an empty catalogue and writes nothing: priming before a snapshot. */
    public int prime() {
        int length = pages.index(List.of(), List.of(), List.of(), Instant.EPOCH).length()
                + AtomFeed.of(List.of(), "1970-01-01T00:00:00Z", null).length();
        for (String group : workingGroups) {
            length += pages.workingGroup(group, Optional.empty(), List.of(), List.of(), List.of(), Instant.EPOCH).length();
        }
        return length;
    }

    /** What a refresh wrote, for its log line: the site's keys. */
    public record Written(List<String> keys) {

        public Written {
            keys = List.copyOf(keys);
        }
    }

    /**
     * Rewrites what {@code changes} show on, as of {@code now}:
     * <ul>
     * <li>new briefs: the home page, each of their groups' pages, and the page of every group
     *     without briefs, so that each page the menu links to exists;
     * <li>a webinar: the home page and every group's page (a webinar may have moved to another
     *     group, and there are only a few groups);
     * <li>a registry: its group's page;
     * <li>the clock: the home page and the pages of the groups whose webinars passed a milestone
     *     in the last {@link #MILESTONE_WINDOW}.
     * </ul>
     * Each page is written with its feed, so that the feed it links to exists. Every query reads
     * only what its page shows, so the cost does not grow with the catalogue.
     */
    public Written refresh(Changes changes, Instant now) {
        Set<String> groupPages = new LinkedHashSet<>(changes.registries());
        boolean home = !changes.listedIn().isEmpty() || !changes.webinars().isEmpty();
        if (!changes.webinars().isEmpty()) {
            groupPages.addAll(workingGroups);
        }
        if (changes.scheduled()) {
            // What is current is one bounded query: a webinar with a milestone in the window had not ended when it opened.
            Set<String> passed = passedMilestones(webinars.notEndedBy(now.minus(MILESTONE_WINDOW)), now.minus(MILESTONE_WINDOW), now);
            home |= !passed.isEmpty();
            groupPages.addAll(passed);
        }
        List<Publication> latest = null;
        Map<String, List<Publication>> ofGroups = new LinkedHashMap<>();
        if (!changes.listedIn().isEmpty()) {
            latest = publications.latest(SitePages.LATEST + 1);
            // A group among the newest briefs has some: only the others need asking, once.
            latest.forEach(listing -> groupsWithBriefs.addAll(listing.workingGroups()));
            for (String group : workingGroups) {
                if (changes.listedIn().contains(group)) {
                    groupPages.add(group);
                } else if (!groupsWithBriefs.contains(group)) {
                    if (publications.ofWorkingGroup(group, 1).isEmpty()) {
                        ofGroups.put(group, List.of());
                        groupPages.add(group);
                    } else {
                        groupsWithBriefs.add(group);
                    }
                }
            }
        }
        List<String> written = new ArrayList<>();
        if (!home && groupPages.isEmpty()) {
            return new Written(written);
        }
        Shown shown = shown(now);
        if (home) {
            latest = latest != null ? latest : publications.latest(SitePages.LATEST + 1);
            written.add(put(SiteAddresses.HOME, pages.index(latest, shown.upcoming(null), shown.newestRecordings(null), now), HTML));
            // With its page, so that the feed the page links to always exists.
            written.add(put(SiteAddresses.FEED, AtomFeed.of(newest(latest), now.toString(), siteUrl), ATOM));
        }
        for (String group : workingGroups) {
            if (!groupPages.contains(group)) {
                continue;
            }
            List<Publication> ofGroup = ofGroups.computeIfAbsent(group, asked -> publications.ofWorkingGroup(asked, SitePages.LATEST + 1));
            written.add(put(SiteAddresses.workingGroup(group), pages.workingGroup(group, registries.get(group), ofGroup,
                    shown.upcoming(group), shown.newestRecordings(group), now), HTML));
            written.add(put(SiteAddresses.workingGroupFeed(group), AtomFeed.ofGroup(group, newest(ofGroup), now.toString(), siteUrl), ATOM));
        }
        return new Written(written);
    }

    /** The briefs a feed carries: the newest {@link SitePages#LATEST} of those read. */
    private static List<Publication> newest(List<Publication> listings) {
        return listings.subList(0, Math.min(listings.size(), SitePages.LATEST));
    }

    /** The groups of the webinars, cancelled ones aside, one of whose milestones lies in ({@code from}, {@code to}]. */
    private static Set<String> passedMilestones(List<StoredWebinar> current, Instant from, Instant to) {
        Set<String> groups = new LinkedHashSet<>();
        for (StoredWebinar stored : current) {
            Webinar webinar = stored.webinar();
            if (!webinar.cancelled() && webinar.milestones().stream().anyMatch(milestone -> milestone.isAfter(from) && !milestone.isAfter(to))) {
                groups.add(webinar.workingGroup());
            }
        }
        return groups;
    }

    /**
     * The webinars the pages show, from one read of them all through the start index (a few dozen
     * a year): those neither ended nor cancelled, soonest first, and those over with a recording,
     * newest first. The index, not the webinars' items, so that this function can read no
     * registration (they share the items' partitions); the stream's batching window gives the
     * index the moment it takes to follow a change.
     */
    private Shown shown(Instant now) {
        List<Webinar> held = webinars.all().stream().map(StoredWebinar::webinar).filter(webinar -> !webinar.cancelled()).toList();
        List<Webinar> recorded = new ArrayList<>(held.stream()
                .filter(webinar -> !webinar.recordingUrl().isEmpty() && !now.isBefore(webinar.end())).toList());
        recorded.sort(Comparator.comparing(Webinar::start).reversed());
        return new Shown(held.stream().filter(webinar -> now.isBefore(webinar.end())).toList(), recorded);
    }

    /** The webinars the pages show: upcoming ones, and the newest recordings. */
    private record Shown(List<Webinar> upcoming, List<Webinar> recordings) {

        List<Webinar> upcoming(String group) {
            return upcoming.stream().filter(webinar -> group == null || webinar.workingGroup().equals(group)).toList();
        }

        List<Webinar> newestRecordings(String group) {
            return recordings.stream().filter(webinar -> group == null || webinar.workingGroup().equals(group)).limit(RECORDINGS).toList();
        }
    }

    private static final String HTML = "text/html; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";

    /** Writes a page or feed at its address; the key written, for the log. */
    private String put(String address, String content, String contentType) {
        String key = SiteAddresses.key(address);
        s3.putObject(put -> put.bucket(siteBucket).key(key).contentType(contentType).cacheControl("public, max-age=60"),
                RequestBody.fromBytes(content.getBytes(StandardCharsets.UTF_8)));
        return key;
    }
}
