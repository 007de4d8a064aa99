package eu.s3cop.webinar.model;

/**
 * The emails a registrant gets about a webinar. Each is sent at most once per registrant, an
 * {@link #UPDATE} once per SEQUENCE.
 */
public enum Notice {
    /**
     * The link to the registration's page, where a pending request is confirmed (or a
     * registration cancelled): sent once per request, and a request again at most once an hour.
     */
    LINK,
    /** That the registration holds, with the invite. */
    CONFIRMATION,
    /** That the webinar changed, with the new invite. */
    UPDATE,
    /** That the webinar is cancelled, with the invite's CANCEL. */
    CANCELLATION,
    /** About 24 hours before the start. */
    REMINDER_DAY_BEFORE,
    /** About an hour before the start. */
    REMINDER_HOUR_BEFORE,
    /** Where to watch the recording, once it is set. */
    RECORDING,
    /** That a place has freed up and is held for them, from the waiting list: once per offer. */
    OFFER
}
