package eu.s3cop.doi;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.metadata.DataCiteXml;
import eu.s3cop.metadata.Dois;
import eu.s3cop.publications.DoiRegistry;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Harvest;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Registers DOIs for what was published since the last run, in the order harvesters see it (the
 * by-datestamp index): for each publication, every version that has none yet, each resolving to
 * its own page (or its PDF, where it has none), then the publication's own DOI with all its
 * versions. The place it has reached is kept after each publication, so a failure of DataCite or
 * the network stops the run there and the next run starts again from it; publishing never waits.
 * A version DataCite refuses (its answer says why) is logged and passed over, not retried forever.
 */
final class DoiRegistrar {

    /** Publications one run registers at most: each is a few requests to DataCite. */
    static final int PER_RUN = 25;

    /** What a run did. */
    record Run(int registered, List<String> refused, String stoppedAt) {
    }

    private final Dois dois;
    private final DataCiteClient dataCite;
    private final Harvest harvest;
    private final DynamoDbPublicationStore publications;
    private final DoiRegistry registry;
    private final URI site;

    DoiRegistrar(Dois dois, DataCiteClient dataCite, Harvest harvest, DynamoDbPublicationStore publications, DoiRegistry registry, URI site) {
        this.dois = dois;
        this.dataCite = dataCite;
        this.harvest = harvest;
        this.publications = publications;
        this.registry = registry;
        this.site = site;
    }

    Run run() {
        Optional<String> after = registry.progress();
        int registered = 0;
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < PER_RUN; i++) {
            Harvest.Page page = harvest.page(new Harvest.Filter(null, null, null, null), 1, after.orElse(null));
            if (page.items().isEmpty()) {
                break;
            }
            Publication publication = page.items().get(0);
            Optional<Integer> done = register(publication, refused);
            if (done.isEmpty()) {
                return new Run(registered, refused, publication.id());
            }
            registered += done.get();
            if (page.after() == null) {
                break;
            }
            after = Optional.of(page.after());
            registry.advance(page.after());
        }
        return new Run(registered, refused, null);
    }

    /** The DOIs registered for the publication, or empty when DataCite must be tried again later. */
    private Optional<Integer> register(Publication publication, List<String> refused) {
        String id = publication.id();
        List<PublicationVersion> versions = new ArrayList<>(publications.versions(id));
        versions.sort(Comparator.comparingInt(PublicationVersion::version));
        String concept = dois.concept(id);
        String original = publication.translation() ? dois.concept(publication.translationOf()) : null;
        int registered = 0;
        List<String> registeredVersions = new ArrayList<>();
        for (PublicationVersion version : versions) {
            String doi = dois.version(id, version.version());
            if (!version.doi().isEmpty()) {
                registeredVersions.add(doi);
                continue;
            }
            String previous = version.version() > 1 ? dois.version(id, version.version() - 1) : null;
            String xml = DataCiteXml.version(publication, version, new DataCiteXml.Relations(doi, true, concept, previous, null, original));
            DataCiteClient.Result result = dataCite.register(doi, landing(id, version), xml);
            switch (result.outcome()) {
                case REGISTERED -> {
                    registry.versionRegistered(id, version.version(), doi);
                    registeredVersions.add(doi);
                    registered++;
                }
                case REFUSED -> refused.add(doi + " (" + result.detail() + ")");
                case RETRY -> {
                    return Optional.empty();
                }
            }
        }
        if (registeredVersions.isEmpty()) {
            return Optional.of(registered);
        }
        String xml = DataCiteXml.concept(publication, new DataCiteXml.Relations(concept, true, null, null, registeredVersions, original));
        DataCiteClient.Result result = dataCite.register(concept, SiteAddresses.absolute(site, SiteAddresses.publication(id)), xml);
        switch (result.outcome()) {
            case REGISTERED -> {
                registry.conceptRegistered(id, versions.get(versions.size() - 1).version(), concept);
                registered++;
            }
            case REFUSED -> refused.add(concept + " (" + result.detail() + ")");
            case RETRY -> {
                return Optional.empty();
            }
        }
        return Optional.of(registered);
    }

    /** A version's landing page: its page to read online, or its PDF where it has none. */
    private String landing(String id, PublicationVersion version) {
        return SiteAddresses.absolute(site, version.readOnline() ? SiteAddresses.reading(id, version.version())
                : SiteAddresses.download(id, version.version()));
    }
}
