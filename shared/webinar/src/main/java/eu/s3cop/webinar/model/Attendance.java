package eu.s3cop.webinar.model;

/** How one registrant takes part: only who attends online gets the join link. */
public enum Attendance {
    ONLINE,
    IN_PERSON
}
