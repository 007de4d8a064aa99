package eu.s3cop.scheduler;

import eu.s3cop.core.Durations;
import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.Notice;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.Registrations;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of every email a visitor gets, kept beside this class: a registrant's in
 * {@code emails.properties}, a subscriber's in {@code news.properties}; one place to read them
 * all and, with a copy of those files, to translate them.
 */
final class EmailTexts {

    /** An email's subject and body. */
    record Text(String subject, String body) {
    }

    private static final Locale LOCALE = Locale.UK;
    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("eu.s3cop.scheduler.emails", LOCALE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", LOCALE);

    private EmailTexts() {
    }

    /** The name emails are sent under. */
    static String sender() {
        return TEXTS.getString("sender");
    }

    /**
     * The email of this kind about {@code webinar} to a registrant.
     *
     * @param pending whether the registration waits for confirmation (for {@link Notice#LINK})
     * @param attendance how the registrant takes part: the join line is for those who attend online
     * @param page the absolute address of the registration's page, where it is confirmed or cancelled
     * @param offeredUntil until when a place offered from the waiting list is held (for {@link Notice#OFFER}); null otherwise
     */
    static Text of(Notice notice, boolean pending, Webinar webinar, Attendance attendance, String name, String page, Instant offeredUntil) {
        String when = format("when", WHEN.format(webinar.starts()), webinar.timezone().getId(), String.valueOf(webinar.duration().toMinutes()));
        String join = attendance != Attendance.ONLINE || webinar.joinUrl().isEmpty() ? "" : format("join", webinar.joinUrl());
        String where = webinar.venue() == null ? "" : format("where", webinar.venue().line());
        String held = offeredUntil == null ? "" : format("until", WHEN.format(offeredUntil.atZone(webinar.timezone())), webinar.timezone().getId());
        Object[] values = {name, webinar.title(), when, join, page, webinar.recordingUrl(), Durations.inWords(Registrations.PENDING_FOR), where, held};
        String kind = notice.name().toLowerCase(Locale.ROOT).replace('_', '-') + (notice == Notice.LINK && !pending ? "-registered" : "");
        String manage = notice == Notice.LINK ? "" : format("manage", page);
        return new Text(format(kind + ".subject", values), format(kind + ".body", values) + manage + TEXTS.getString("signature"));
    }

    private static String format(String key, Object... values) {
        return new MessageFormat(TEXTS.getString(key), LOCALE).format(values);
    }

    /** The words of news by email, in {@code news.properties} beside this class. */
    private static final ResourceBundle NEWS = ResourceBundle.getBundle("eu.s3cop.scheduler.news", LOCALE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** The name news is sent under. */
    static String newsSender() {
        return NEWS.getString("sender");
    }

    /** What a subscription of this scope brings, in words, its group named by {@code groupName}. */
    static String newsScope(String scope, String groupName) {
        return "all".equals(scope) ? NEWS.getString("scope.all") : news("scope.group", groupName);
    }

    static String newsFrequency(String code) {
        return NEWS.getString("frequency." + code);
    }

    /** The email with a subscription's link: to confirm it, or, for one confirmed, to manage it. */
    static Text newsLink(boolean confirmed, String scope, String frequency, String page) {
        String kind = confirmed ? "link-confirmed" : "link";
        Object[] values = {scope, frequency, page, Durations.inWords(Registrations.PENDING_FOR)};
        return new Text(news(kind + ".subject", values), news(kind + ".body", values) + TEXTS.getString("signature"));
    }

    /**
     * The announcement of a version, with the footer that says why it came and how to leave.
     *
     * @param translation the language a translation's first version is in, by name; null for any other version
     */
    static Text announcement(String title, String type, String group, int version, String summary, String read, String page, String scope,
            String manage, String translation) {
        String kind = translation != null ? "each-translation" : version > 1 ? "each-version" : "each";
        Object[] values = {title, type, group, String.valueOf(version), summary.isEmpty() ? "" : news("summary", summary), read, page,
                translation};
        return new Text(news(kind + ".subject", values), news(kind + ".body", values) + news("footer", scope, manage) + TEXTS.getString("signature"));
    }

    /** One version in a digest. */
    static String digestEntry(String title, String type, String group, int version, String read) {
        return news("entry", title, type, group, String.valueOf(version), read);
    }

    static Text digest(java.time.LocalDate monday, String entries, String scope, String manage) {
        String week = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE).format(monday);
        return new Text(news("digest.subject", week), news("digest.body", week, entries) + news("footer", scope, manage) + TEXTS.getString("signature"));
    }

    private static String news(String key, Object... values) {
        return new MessageFormat(NEWS.getString(key), LOCALE).format(values);
    }
}
