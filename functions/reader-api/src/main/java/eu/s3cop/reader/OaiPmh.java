package eu.s3cop.reader;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.metadata.OaiDc;
import eu.s3cop.metadata.OpenAire;
import eu.s3cop.metadata.RecordLinks;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Harvest;
import eu.s3cop.publications.InvalidPageTokenException;
import eu.s3cop.publications.Publication;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The catalogue as an OAI-PMH 2.0 repository, for OpenAIRE and every other harvester: the six
 * verbs, records in {@code oai_dc} and {@code oai_openaire}, a set per working group
 * ({@code wg:innovation-diffusion}) and per type ({@code type:policy-brief}), selective
 * harvesting by datestamp, and lists in pages ({@value #PAGE} records) with resumption tokens. Every
 * error the protocol names is answered as it says, in the XML, with status 200. The repository
 * keeps no deleted records: nothing it lists is ever withdrawn (a correction is a new version,
 * which changes the record's datestamp).
 */
final class OaiPmh {

    static final int PAGE = 100;
    private static final Pattern DOMAIN = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z][a-zA-Z0-9-]*)+");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}/[a-z0-9-]{1,80}");

    private final DynamoDbPublicationStore publications;
    private final Harvest harvest;
    private final List<String> workingGroups;
    private final String adminEmail;
    private final Clock clock;
    private final int pageSize;

    OaiPmh(DynamoDbPublicationStore publications, Harvest harvest, List<String> workingGroups, String adminEmail, Clock clock) {
        this(publications, harvest, workingGroups, adminEmail, clock, PAGE);
    }

    /** @param pageSize the records a list's page holds */
    OaiPmh(DynamoDbPublicationStore publications, Harvest harvest, List<String> workingGroups, String adminEmail, Clock clock, int pageSize) {
        this.publications = publications;
        this.harvest = harvest;
        this.workingGroups = List.copyOf(workingGroups);
        this.adminEmail = adminEmail;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * The response to a request.
     *
     * @param form the query string of a GET or the body of a POST
     * @param site the catalogue's address, ending in "/": the base URL and every record's links are under it
     */
    String answer(String form, URI site) {
        OaiRequest.Parsed request = OaiRequest.parse(form);
        OaiResponse response = new OaiResponse(site, clock.instant());
        try {
            if (request.failed()) {
                response.error(null, Map.of(), request.error(), request.message());
            } else {
                answer(request.verb(), request.arguments(), response);
            }
            return response.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The OAI-PMH response could not be written", e);
        }
    }

    private void answer(String verb, Map<String, String> arguments, OaiResponse response) throws XMLStreamException {
        switch (verb) {
            case "Identify" -> identify(response);
            case "ListMetadataFormats" -> formats(arguments, response);
            case "ListSets" -> sets(arguments, response);
            case "GetRecord" -> record(arguments, response);
            default -> list(verb, arguments, response);
        }
    }

    private void identify(OaiResponse response) throws XMLStreamException {
        XMLStreamWriter xml = response.start("Identify", Map.of());
        text(xml, "repositoryName", WorkingGroupNames.COMMUNITY + " (S3 CoP): publications");
        text(xml, "baseURL", response.baseUrl());
        text(xml, "protocolVersion", "2.0");
        text(xml, "adminEmail", adminEmail);
        text(xml, "earliestDatestamp", harvest.earliest().orElse(Harvest.datestamp(clock.instant())));
        text(xml, "deletedRecord", "no");
        text(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.writeEndElement();
    }

    private void formats(Map<String, String> arguments, OaiResponse response) throws XMLStreamException {
        if (arguments.containsKey("identifier") && find(arguments.get("identifier"), response.site()).isEmpty()) {
            response.error("ListMetadataFormats", arguments, "idDoesNotExist", "No publication has the identifier '"
                    + OaiRequest.printable(arguments.get("identifier")) + "'.");
            return;
        }
        XMLStreamWriter xml = response.start("ListMetadataFormats", arguments);
        format(xml, OaiDc.PREFIX, OaiDc.SCHEMA, OaiDc.NAMESPACE);
        format(xml, OpenAire.PREFIX, OpenAire.SCHEMA, OpenAire.NAMESPACE);
        xml.writeEndElement();
    }

    private void sets(Map<String, String> arguments, OaiResponse response) throws XMLStreamException {
        if (arguments.containsKey("resumptionToken")) {
            response.error("ListSets", arguments, "badResumptionToken", "The list of sets is complete in one response; it has no tokens.");
            return;
        }
        XMLStreamWriter xml = response.start("ListSets", arguments);
        set(xml, "wg", "Working groups");
        for (String group : workingGroups) {
            set(xml, "wg:" + group, WorkingGroupNames.of(group) + " working group");
        }
        set(xml, "type", "Types of publication");
        for (PublicationType type : PublicationType.values()) {
            set(xml, "type:" + type.code(), type.label() + "s");
        }
        xml.writeEndElement();
    }

    private void record(Map<String, String> arguments, OaiResponse response) throws XMLStreamException {
        String prefix = arguments.get("metadataPrefix");
        if (!prefix.equals(OaiDc.PREFIX) && !prefix.equals(OpenAire.PREFIX)) {
            response.error("GetRecord", arguments, "cannotDisseminateFormat", formatAdvice(prefix));
            return;
        }
        Optional<Publication> publication = find(arguments.get("identifier"), response.site());
        if (publication.isEmpty()) {
            response.error("GetRecord", arguments, "idDoesNotExist", "No publication has the identifier '"
                    + OaiRequest.printable(arguments.get("identifier")) + "'.");
            return;
        }
        XMLStreamWriter xml = response.start("GetRecord", arguments);
        write(xml, publication.get(), prefix, true, response.site());
        xml.writeEndElement();
    }

    /** ListIdentifiers and ListRecords: the same pages, with headers only or whole records. */
    private void list(String verb, Map<String, String> arguments, OaiResponse response) throws XMLStreamException {
        OaiToken.Query query;
        if (arguments.containsKey("resumptionToken")) {
            Optional<OaiToken.Query> resumed = OaiToken.decode(arguments.get("resumptionToken"));
            if (resumed.isEmpty()) {
                response.error(verb, arguments, "badResumptionToken", "The resumptionToken is not one this repository gave out;"
                        + " start the list again without it.");
                return;
            }
            query = resumed.get();
        } else {
            String prefix = arguments.get("metadataPrefix");
            if (!prefix.equals(OaiDc.PREFIX) && !prefix.equals(OpenAire.PREFIX)) {
                response.error(verb, arguments, "cannotDisseminateFormat", formatAdvice(prefix));
                return;
            }
            Optional<String> problem = OaiRequest.dates(arguments.get("from"), arguments.get("until"));
            if (problem.isPresent()) {
                response.error(verb, arguments, "badArgument", problem.get());
                return;
            }
            query = new OaiToken.Query(prefix, arguments.get("set"), OaiRequest.bound(arguments.get("from"), false), OaiRequest.bound(arguments.get("until"), true),
                    null, 0);
        }
        Optional<Harvest.Filter> filter = filter(query);
        Harvest.Page page;
        try {
            page = filter.isEmpty() ? new Harvest.Page(List.of(), null) : harvest.page(filter.get(), pageSize, query.after());
        } catch (InvalidPageTokenException e) {
            response.error(verb, arguments, "badResumptionToken", "The resumptionToken is not one this repository gave out;"
                    + " start the list again without it.");
            return;
        }
        if (page.items().isEmpty() && query.after() == null) {
            response.error(verb, arguments, "noRecordsMatch", "No publication is in that set, format and time span.");
            return;
        }
        XMLStreamWriter xml = response.start(verb, arguments);
        boolean records = verb.equals("ListRecords");
        for (Publication publication : page.items()) {
            write(xml, publication, query.prefix(), records, response.site());
        }
        if (page.after() != null || query.after() != null) {
            xml.writeStartElement("resumptionToken");
            xml.writeAttribute("cursor", String.valueOf(query.cursor()));
            if (page.after() != null) {
                xml.writeCharacters(OaiToken.encode(query.next(page.after(), page.items().size())));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The harvest's filter for a set, or empty for a set this repository does not have (which matches no record). */
    private Optional<Harvest.Filter> filter(OaiToken.Query query) {
        String set = query.set();
        if (set == null || set.equals("wg") || set.equals("type")) {
            return Optional.of(new Harvest.Filter(query.from(), query.until(), null, null));
        }
        if (set.startsWith("wg:") && workingGroups.contains(set.substring(3))) {
            return Optional.of(new Harvest.Filter(query.from(), query.until(), set.substring(3), null));
        }
        if (set.startsWith("type:") && PublicationType.fromCode(set.substring(5)).isPresent()) {
            return Optional.of(new Harvest.Filter(query.from(), query.until(), null, set.substring(5)));
        }
        return Optional.empty();
    }

    private void write(XMLStreamWriter xml, Publication publication, String prefix, boolean whole, URI site) throws XMLStreamException {
        if (whole) {
            xml.writeStartElement("record");
        }
        xml.writeStartElement("header");
        text(xml, "identifier", identifier(site, publication.id()));
        text(xml, "datestamp", Harvest.datestamp(publication));
        for (String group : publication.workingGroups()) {
            text(xml, "setSpec", "wg:" + group);
        }
        text(xml, "setSpec", "type:" + publication.type());
        xml.writeEndElement();
        if (whole) {
            xml.writeStartElement("metadata");
            RecordLinks links = new RecordLinks(SiteAddresses.absolute(site, SiteAddresses.publication(publication.id())),
                    SiteAddresses.absolute(site, SiteAddresses.download(publication.id())),
                    publication.translation() ? SiteAddresses.absolute(site, SiteAddresses.publication(publication.translationOf())) : null);
            if (prefix.equals(OaiDc.PREFIX)) {
                OaiDc.write(xml, publication, links);
            } else {
                OpenAire.write(xml, publication, links);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }

    /** {@code oai:<the site's domain>:<working_group>/<slug>}: the site's own name where it is a domain, a reserved one locally. */
    static String identifier(URI site, String id) {
        return "oai:" + repository(site) + ":" + id;
    }

    private static String repository(URI site) {
        return site.getHost() != null && DOMAIN.matcher(site.getHost()).matches() ? site.getHost() : "s3cop.localhost";
    }

    private Optional<Publication> find(String identifier, URI site) {
        String prefix = "oai:" + repository(site) + ":";
        if (!identifier.startsWith(prefix) || !ID.matcher(identifier.substring(prefix.length())).matches()) {
            return Optional.empty();
        }
        return publications.publication(identifier.substring(prefix.length()));
    }

    private static String formatAdvice(String prefix) {
        return "'" + OaiRequest.printable(prefix) + "' is not a format of this repository: use " + OaiDc.PREFIX + " or " + OpenAire.PREFIX + ".";
    }

    private static void format(XMLStreamWriter xml, String prefix, String schema, String namespace) throws XMLStreamException {
        xml.writeStartElement("metadataFormat");
        text(xml, "metadataPrefix", prefix);
        text(xml, "schema", schema);
        text(xml, "metadataNamespace", namespace);
        xml.writeEndElement();
    }

    private static void set(XMLStreamWriter xml, String spec, String name) throws XMLStreamException {
        xml.writeStartElement("set");
        text(xml, "setSpec", spec);
        text(xml, "setName", name);
        xml.writeEndElement();
    }

    static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
