package eu.s3cop.lists;

import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.RegistrationList;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.StoredWebinar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keeps a webinar's list and figures in step with its registrations. Both are written from what
 * the table holds when they are written, never from what a stream record says, so a batch
 * delivered again, or late, writes what the latest one did.
 *
 * <p>The list follows the registrations, and goes when the last of them does. The figures follow
 * them until the event ends; then they stay as they were, with the webinar's item, and outlive
 * the registrations that the table's time to live deletes.
 */
final class SecretariatLists {

    /**
     * What refreshing one webinar's list did.
     *
     * @param registrations the lines of its list; none when the list was deleted
     * @param figuresCounted whether its figures were counted again, which stops once the event has ended
     */
    record Refreshed(int registrations, boolean figuresCounted) {
    }

    private final RegistrationList registrations;
    private final DynamoDbWebinarStore webinars;
    private final S3Client s3;
    private final String bucket;

    SecretariatLists(RegistrationList registrations, DynamoDbWebinarStore webinars, S3Client s3, String bucket) {
        this.registrations = registrations;
        this.webinars = webinars;
        this.s3 = s3;
        this.bucket = bucket;
    }

    Refreshed refresh(String webinarId, Instant now) {
        List<RegistrationList.Entry> entries = registrations.of(webinarId, now);
        if (entries.isEmpty()) {
            s3.deleteObject(delete -> delete.bucket(bucket).key(ListKeys.registrations(webinarId)));
        } else {
            s3.putObject(put -> put.bucket(bucket).key(ListKeys.registrations(webinarId)).contentType("text/csv; charset=utf-8; header=present")
                    .contentDisposition("attachment; filename=\"" + webinarId + "-registrations.csv\""), RequestBody.fromBytes(RegistrationsCsv.of(entries)));
        }
        Optional<StoredWebinar> stored = webinars.get(webinarId);
        if (stored.isEmpty() || !now.isBefore(stored.get().webinar().end())) {
            return new Refreshed(entries.size(), false);
        }
        Figures figures = ParticipationFigures.count(entries);
        s3.putObject(put -> put.bucket(bucket).key(ListKeys.figures(webinarId)).contentType("application/json"),
                RequestBody.fromBytes(FiguresFile.of(webinarId, figures)));
        // The webinar's item changes only when its figures do: each change of it brings the catalogue and the scheduler.
        if (!figures.equals(stored.get().figures())) {
            webinars.recordFigures(webinarId, figures);
        }
        return new Refreshed(entries.size(), true);
    }

    /** Writes a list and figures of a made-up registration in memory, as a first batch would, storing nothing. */
    void prime() {
        List<RegistrationList.Entry> sample = List.of(new RegistrationList.Entry("Primed Registrant", "primed@example.org",
                Registrations.Standing.CONFIRMED, Instant.EPOCH, Optional.of(Attendance.ONLINE), false, "=Primed", "BE",
                Optional.of(OrganisationKind.OTHER)));
        RegistrationsCsv.of(sample);
        FiguresFile.of("primed", ParticipationFigures.count(sample));
    }
}
