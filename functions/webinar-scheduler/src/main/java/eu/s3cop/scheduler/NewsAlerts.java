package eu.s3cop.scheduler;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.LanguageNames;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.publications.Publication;
import eu.s3cop.webinar.store.NewsDeliveries;
import eu.s3cop.webinar.store.NewsDeliveries.Listed;
import eu.s3cop.webinar.store.NewsDeliveries.Subscriber;
import eu.s3cop.webinar.store.Subscriptions;
import eu.s3cop.webinar.store.Suppressions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * News by email: the link a subscription request asks for; the announcement of each newly listed
 * version to those who asked for every one, as its listing arrives on the publications table's
 * stream; and, once a week, the digest of the week before to those who asked for one a week.
 * Each email is claimed before it is sent ({@link NewsDeliveries}), and the claim is given back
 * when sending certainly failed, so that a mailbox subscribed to everything and to a group gets
 * each announcement once, and a repeated batch or run sends nothing twice. Every announcement
 * and digest carries List-Id and RFC 8058's one-click unsubscribe, which deletes the address.
 */
final class NewsAlerts {

    /** When, on Monday (UTC), the digest of the week before goes out. */
    static final int DIGEST_HOUR = 7;

    private final NewsDeliveries deliveries;
    private final Suppressions suppressions;
    private final SesV2Client ses;
    private final String sender;
    private final java.net.URI site;
    private final String configurationSet;

    NewsAlerts(NewsDeliveries deliveries, Suppressions suppressions, SesV2Client ses, SchedulerConfig config) {
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.ses = ses;
        this.sender = config.senderAddress();
        this.site = config.siteUrl();
        this.configurationSet = config.configurationSet();
    }

    /** What was sent, and what failed (counts and publication ids only: no address). */
    record Sent(int sent, List<String> failures) {
    }

    /** The links that requests asked for, as the webinars table's stream names the requests. */
    Sent links(Collection<NewsDeliveries.LinkRequest> requests, Instant now) {
        Tally tally = new Tally();
        for (NewsDeliveries.LinkRequest request : requests) {
            deliveries.subscriber(request.scope(), request.subscriber(), now).filter(Subscriber::linkDue).ifPresent(subscriber -> {
                if (suppressions.suppressed(subscriber.email(), now) || !deliveries.claimLink(subscriber)) {
                    return;
                }
                String page = SiteAddresses.absolute(site, SiteAddresses.subscription(subscriber.token()));
                EmailTexts.Text text = EmailTexts.newsLink(subscriber.confirmed(), scopeInWords(subscriber.scope()),
                        EmailTexts.newsFrequency(subscriber.frequency().code()), page);
                // The link answers the person's own request, this moment: no list to leave.
                if (!send(new Mail(subscriber.email(), null, text.subject(), text.body(), null, null, null), now, tally, "link")) {
                    deliveries.linkFailed(subscriber);
                }
            });
        }
        return tally.sent();
    }

    /** Whose a version is, in words: "Innovation Diffusion working group", or "Secretariat, for the ... working groups". */
    private static String byline(Listed version) {
        return WorkingGroupNames.SECRETARIAT.equals(version.workingGroup()) && !version.workingGroups().isEmpty()
                ? WorkingGroupNames.author(version.workingGroup()) + ", for the " + WorkingGroupNames.several(version.workingGroups())
                : WorkingGroupNames.author(version.workingGroup());
    }

    /** Announces newly listed versions to the subscribers of everything and of each version's group who asked for each. */
    Sent announce(List<Publication> listed, Instant now) {
        Tally tally = new Tally();
        for (Publication publication : listed) {
            Listed version = new Listed(publication.id(), publication.latestVersion(), publication.title(), publication.type(),
                    publication.workingGroup(), publication.summary(), Instant.parse(publication.publishedAt()), publication.readOnline(),
                    publication.workingGroups());
            // Kept for the week's digest before anyone is told, so a batch given up on still reaches the digests.
            deliveries.listed(version);
            // Everything's subscribers, then each group's it concerns: one subscribed to several gets it once (the claim is per mailbox).
            List<String> scopes = new java.util.ArrayList<>(List.of(Subscriptions.ALL));
            scopes.addAll(version.workingGroups());
            for (String scope : scopes) {
                each(scope, Subscriptions.Frequency.EACH, NewsDeliveries.announcement(version), now,
                        subscriber -> EmailTexts.announcement(version.title(), PublicationType.labelOf(version.type()),
                                byline(version), version.version(), version.summary(), read(version),
                                SiteAddresses.absolute(site, SiteAddresses.publication(version.id())), scopeInWords(scope), manage(subscriber),
                                publication.translation() && version.version() == 1 ? LanguageNames.of(publication.language()) : null),
                        tally, version.id());
            }
        }
        return tally.sent();
    }

    /**
     * The digest of the week before, from Monday {@link #DIGEST_HOUR}:00 UTC: each subscriber who
     * asked for one a week gets the week's versions their subscription covers, in one email; a
     * week with none for them sends them nothing. A run that leaves some unsent (a failure) is
     * made good by the next; once all went, the week is marked done and runs read one item.
     */
    Sent digest(Instant now) {
        Tally tally = new Tally();
        LocalDate thisMonday = NewsDeliveries.monday(now);
        if (now.isBefore(thisMonday.atTime(DIGEST_HOUR, 0).toInstant(ZoneOffset.UTC))) {
            return tally.sent();
        }
        LocalDate week = thisMonday.minusWeeks(1);
        if (deliveries.digestSent(week)) {
            return tally.sent();
        }
        List<Listed> published = deliveries.week(week);
        Set<String> scopes = new LinkedHashSet<>(List.of(Subscriptions.ALL));
        published.forEach(version -> scopes.addAll(version.workingGroups()));
        for (String scope : scopes) {
            List<Listed> covered = published.stream().filter(version -> scope.equals(Subscriptions.ALL) || version.workingGroups().contains(scope))
                    .toList();
            StringBuilder entries = new StringBuilder();
            covered.forEach(version -> entries.append(EmailTexts.digestEntry(version.title(), PublicationType.labelOf(version.type()),
                    byline(version), version.version(), read(version))));
            each(scope, Subscriptions.Frequency.WEEKLY, NewsDeliveries.digest(week), now,
                    subscriber -> EmailTexts.digest(week, entries.toString(), scopeInWords(scope), manage(subscriber)), tally, "digest " + week);
        }
        if (tally.failures.isEmpty()) {
            deliveries.digestDone(week, now);
        }
        return tally.sent();
    }

    /**
     * Sends {@code email} to each confirmed subscriber of a scope at this frequency whose mailbox
     * has it to come: claimed first, and given back when sending certainly failed.
     */
    private void each(String scope, Subscriptions.Frequency frequency, String email, Instant now, Function<Subscriber, EmailTexts.Text> text,
            Tally tally, String about) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> from = null;
        do {
            NewsDeliveries.Page page = deliveries.subscribers(scope, frequency, from, now);
            for (Subscriber subscriber : page.subscribers()) {
                if (suppressions.suppressed(subscriber.email(), now) || !deliveries.claim(subscriber.subscriber(), email, now)) {
                    continue;
                }
                EmailTexts.Text words = text.apply(subscriber);
                Mail mail = new Mail(subscriber.email(), null, words.subject(), words.body(), null, null,
                        new Mail.ListHeaders("<" + scope + ".news." + sender.substring(sender.lastIndexOf('@') + 1) + ">", manage(subscriber)));
                if (!send(mail, now, tally, about)) {
                    deliveries.release(subscriber.subscriber(), email);
                }
            }
            from = page.next();
        } while (from != null);
    }

    /**
     * Sends one email; false when sending certainly failed, so that its claim is given back.
     * When SES may have taken it (no answer), it counts as sent: never twice is chosen over retrying.
     */
    private boolean send(Mail mail, Instant now, Tally tally, String about) {
        try {
            byte[] raw = mail.mime(sender, EmailTexts.newsSender(), now);
            ses.sendEmail(email -> email.fromEmailAddress(sender).destination(to -> to.toAddresses(mail.to()))
                    .configurationSetName(configurationSet.isEmpty() ? null : configurationSet)
                    .content(content -> content.raw(message -> message.data(SdkBytes.fromByteArray(raw)))));
            tally.sent++;
            return true;
        } catch (RuntimeException e) {
            boolean perhaps = Reminders.mayHaveBeenSent(e);
            tally.failures.add(about + " (" + e.getClass().getSimpleName() + (perhaps ? ", perhaps sent: not tried again)" : ", tried again)"));
            return perhaps;
        }
    }

    private String manage(Subscriber subscriber) {
        return SiteAddresses.absolute(site, SiteAddresses.subscription(subscriber.token()));
    }

    private String read(Listed version) {
        return SiteAddresses.absolute(site, version.readOnline() ? SiteAddresses.reading(version.id(), version.version())
                : SiteAddresses.publication(version.id()));
    }

    private static String scopeInWords(String scope) {
        return EmailTexts.newsScope(scope, Subscriptions.ALL.equals(scope) ? "" : WorkingGroupNames.of(scope));
    }

    private static final class Tally {
        int sent;
        final List<String> failures = new ArrayList<>();

        Sent sent() {
            return new Sent(sent, failures);
        }
    }
}
