package eu.s3cop.webinar.model;

import java.time.Instant;

/**
 * A file the secretariat gave an event, such as its slides, as the event's page lists it.
 *
 * @param name the file's name in the event's materials folder, which a download keeps
 * @param size in bytes
 * @param uploadedAt when the upload was made, as S3 dated it
 */
public record Material(String name, MaterialKind kind, long size, Instant uploadedAt) {

    /**
     * Where the secretariat uploads a material of the event {@code webinarId}, in the uploads
     * bucket: a folder of its own beside the event's file, {@code webinars/<id>.yaml}.
     */
    public static String uploadKey(String webinarId, String name) {
        return String.join("/", "webinars", webinarId, "materials", name);
    }
}
