package eu.s3cop.webinar.model;

import java.time.Instant;

/** Where a webinar stands at a moment. */
public enum WebinarState {
    UPCOMING, LIVE, PAST, CANCELLED;

    public static WebinarState of(Webinar webinar, Instant now) {
        if (webinar.cancelled()) {
            return CANCELLED;
        }
        return now.isBefore(webinar.start()) ? UPCOMING : now.isBefore(webinar.end()) ? LIVE : PAST;
    }
}
