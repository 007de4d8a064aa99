package eu.s3cop.catalogue;

import eu.s3cop.groups.store.DynamoDbRegistryStore;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationListings;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Regenerates the catalogue in the site bucket from the tables: the home page and the Atom feed,
 * and per working group a page (with its registry) and a feed of its own (each page carries its
 * stylesheet). Only published
 * briefs are in the listing index, so drafts and rejected uploads can never appear. Every run
 * rewrites its pages from the index, so runs may repeat or overlap: the last one to finish is
 * complete.
 */
public final class CatalogueSite {

    private final S3Client s3;
    private final PublicationListings publications;
    private final String siteBucket;
    private final java.net.URI siteUrl;
    private final DynamoDbWebinarStore webinars;
    private final DynamoDbRegistryStore registries;
    private final List<String> workingGroups;
    private final SitePages pages;
    private final Clock clock;
    /**
     * Working groups seen to have a published brief. A brief, once published, stays listed (there
     * is no unpublishing), so what is known here never turns false, and asking the index again
     * whether such a group has any brief would only cost a query on every publication.
     */
    private final Set<String> groupsWithBriefs = ConcurrentHashMap.newKeySet();

    public CatalogueSite(S3Client s3, DynamoDbClient dynamoDb, SiteConfig config, Clock clock) {
        this.s3 = s3;
        this.publications = new PublicationListings(dynamoDb, config.publicationsTable());
        this.webinars = new DynamoDbWebinarStore(dynamoDb, config.webinarsTable());
        this.registries = new DynamoDbRegistryStore(dynamoDb, config.webinarsTable());
        this.siteBucket = config.siteBucket();
        this.siteUrl = config.siteUrl();
        this.workingGroups = config.workingGroups();
        this.pages = new SitePages(workingGroups);
        this.clock = clock;
    }

    /** How many of the newest recordings the home page and each working group's page show. */
    static final int RECORDINGS = 5;

    /**
     * The webinars the pages show, from one read of them all (a few dozen a year): those neither
     * ended nor cancelled, soonest first, and those over with a recording, newest first.
     */
    private Shown shown() {
        Instant now = clock.instant();
        List<Webinar> held = webinars.all().stream().map(StoredWebinar::webinar).filter(webinar -> !webinar.cancelled()).toList();
        List<Webinar> recorded = new ArrayList<>(held.stream()
                .filter(webinar -> !webinar.recordingUrl().isEmpty() && !now.isBefore(webinar.end())).toList());
        recorded.sort(Comparator.comparing(Webinar::start).reversed());
        return new Shown(held.stream().filter(webinar -> now.isBefore(webinar.end())).toList(), recorded);
    }

    /** Lays out the pages and the feed of an empty catalogue and writes nothing: priming before a snapshot. */
    public int prime() {
        int length = pages.index(List.of(), List.of(), List.of()).length() + AtomFeed.of(List.of(), "1970-01-01T00:00:00Z", null).length();
        for (String group : workingGroups) {
            length += pages.workingGroup(group, Optional.empty(), List.of(), List.of(), List.of()).length();
        }
        return length;
    }

    /** Rewrites every page: webinars appear on the home page and on their working group's page. */
    public void regenerate() {
        Shown webinars = shown();
        List<Publication> latest = publications.latest(SitePages.LATEST + 1);
        writeShared(latest, webinars);
        for (String group : workingGroups) {
            writeGroup(group, publications.ofWorkingGroup(group, SitePages.LATEST + 1), webinars);
        }
    }

    /** The webinars the pages show: upcoming ones, and the newest recordings. */
    private record Shown(List<Webinar> upcoming, List<Webinar> recordings) {

        List<Webinar> newestRecordings(String group) {
            return recordings.stream().filter(webinar -> group == null || webinar.workingGroup().equals(group)).limit(RECORDINGS).toList();
        }
    }

    /**
     * Rewrites what new publications in {@code changedGroups} change: the home page and the feed
     * (the newest briefs), each of those groups' pages (its newest briefs), and the page of every
     * group without publications, so that each page the menu links to exists. The other groups'
     * pages list neither the publications nor anything they change. Every query reads only what
     * its page shows, so the cost does not grow with the catalogue, and one refresh serves any
     * number of publications. What is written depends only on what is stored, never on the
     * container's history: a group this instance has seen with a brief is not asked again, but
     * briefs are never unlisted, so the answer would be the same.
     */
    public void refresh(Collection<String> changedGroups) {
        Shown shown = shown();
        List<Publication> latest = publications.latest(SitePages.LATEST + 1);
        writeShared(latest, shown);
        // A group among the newest briefs has some: only the others need asking, once.
        latest.forEach(listing -> groupsWithBriefs.add(listing.workingGroup()));
        for (String group : workingGroups) {
            if (changedGroups.contains(group)) {
                writeGroup(group, publications.ofWorkingGroup(group, SitePages.LATEST + 1), shown);
            } else if (!groupsWithBriefs.contains(group)) {
                if (publications.ofWorkingGroup(group, 1).isEmpty()) {
                    writeGroup(group, List.of(), shown);
                } else {
                    groupsWithBriefs.add(group);
                }
            }
        }
    }

    private void writeShared(List<Publication> latest, Shown webinars) {
        put("index.html", pages.index(latest, webinars.upcoming(), webinars.newestRecordings(null)).getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8");
        List<Publication> feed = latest.subList(0, Math.min(latest.size(), SitePages.LATEST));
        put("feed.xml", AtomFeed.of(feed, clock.instant().toString(), siteUrl).getBytes(StandardCharsets.UTF_8), "application/atom+xml; charset=utf-8");
    }

    /** The group's page, with what its registry says, and its own feed of its newest briefs. */
    private void writeGroup(String group, List<Publication> listings, Shown webinars) {
        List<Webinar> webinarsOfGroup = webinars.upcoming().stream().filter(webinar -> webinar.workingGroup().equals(group)).toList();
        put("working-groups/" + group + ".html", pages.workingGroup(group, registries.get(group), listings, webinarsOfGroup,
                webinars.newestRecordings(group)).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        List<Publication> feed = listings.subList(0, Math.min(listings.size(), SitePages.LATEST));
        put(SitePages.groupFeed(group), AtomFeed.ofGroup(group, feed, clock.instant().toString(), siteUrl).getBytes(StandardCharsets.UTF_8),
                "application/atom+xml; charset=utf-8");
    }

    /** Rewrites one group's page and feed: its registry changed, and nothing else did. */
    public void regenerateGroup(String group) {
        writeGroup(group, publications.ofWorkingGroup(group, SitePages.LATEST + 1), shown());
    }

    private void put(String key, byte[] bytes, String contentType) {
        s3.putObject(put -> put.bucket(siteBucket).key(key).contentType(contentType).cacheControl("public, max-age=60"),
                RequestBody.fromBytes(bytes));
    }
}
