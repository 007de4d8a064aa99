package eu.s3cop.reader;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.model.WebinarState;
import eu.s3cop.webinar.store.StoredWebinar;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A webinar as the API's JSON tells it to programs: never the join link, which only registrants
 * receive. The venue is there only for an event in a room, the participation figures only once
 * the event is over; the materials, each with its download address, for every event (an empty
 * list when it has none).
 */
final class WebinarJson {

    private WebinarJson() {
    }

    static Map<String, Object> of(StoredWebinar stored, Instant now) {
        Webinar webinar = stored.webinar();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", webinar.id());
        summary.put("title", webinar.title());
        summary.put("working_group", webinar.workingGroup());
        summary.put("starts", webinar.start().toString());
        summary.put("ends", webinar.end().toString());
        summary.put("local_start", webinar.starts().toString());
        summary.put("timezone", webinar.timezone().getId());
        summary.put("speakers", webinar.speakers().stream().map(speaker -> Map.of("name", speaker.name(), "role", speaker.role())).toList());
        summary.put("format", webinar.format().word());
        if (webinar.venue() != null) {
            Venue venue = webinar.venue();
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("name", venue.name());
            where.put("address", venue.address());
            where.put("city", venue.city());
            where.put("country", venue.country());
            where.put("country_name", venue.countryName());
            summary.put("venue", where);
        }
        // Times of day in the event's own zone, as the file gives them and the page shows them.
        summary.put("agenda", webinar.agenda().stream().map(session -> Map.of("starts", session.starts().toString(), "ends", session.ends().toString(),
                "title", session.title(), "speakers", session.speakers())).toList());
        WebinarState state = WebinarState.of(webinar, now);
        summary.put("status", state.name().toLowerCase(Locale.ROOT));
        Map<String, Object> registration = new LinkedHashMap<>();
        // Open while requests are taken, full ones too: those lead to the waiting list, which "waiting_list" says.
        registration.put("open", webinar.registrationOpen(now));
        registration.put("closes", webinar.closes().toString());
        if (webinar.capacity() > 0) {
            registration.put("places_left", stored.placesLeft());
            registration.put("waiting_list", stored.full());
        }
        summary.put("registration", registration);
        if (!webinar.recordingUrl().isEmpty() && !now.isBefore(webinar.end())) {
            summary.put("recording_url", webinar.recordingUrl());
        }
        // How many took part and from how many countries, once it is over: never which countries, nor how many from each.
        if (state == WebinarState.PAST && stored.figures().participants() > 0) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("participants", stored.figures().participants());
            figures.put("countries", stored.figures().countryCount());
            summary.put("figures", figures);
        }
        // In the order of their names, as the page lists them; each downloads through a fresh link.
        summary.put("materials", stored.materials().stream().map(material -> Map.of("name", material.name(), "kind", material.kind().extension(),
                "size", material.size(), "links", Map.of("download", SiteAddresses.material(webinar.id(), material.name())))).toList());
        summary.put("sequence", stored.sequence());
        summary.put("links", Map.of("self", SiteAddresses.webinar(webinar.id()), "invite", SiteAddresses.invite(webinar.id()),
                "register", SiteAddresses.registrations(webinar.id())));
        return summary;
    }
}
